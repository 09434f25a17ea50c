package dev.migrate.benchmarks.floor;

import dev.migrate.benchmarks.harness.ResultLines;
import dev.migrate.benchmarks.inprocess.Stopwatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The physical floor: the history's SQL through plain JDBC in one session, one transaction per
 * revision, plus one UPDATE of a one-row version table per revision. Nothing a migration tool
 * could skip is left out, and nothing else is done: this is what the database itself costs.
 *
 * <p>Run as a cold process: {@code java -cp ... dev.migrate.benchmarks.floor.JdbcFloor <url> <dir>}
 * where {@code dir} holds the Flyway files ({@code V<n>__*.sql}) of the same history. Prints
 * {@code RESULT floor.sqlSeconds} (from {@code main} to the last commit), {@code floor.sqlCpuSeconds}
 * and {@code floor.rssMib}.
 */
public final class JdbcFloor {

    private JdbcFloor() {
    }

    public static void main(String[] args) throws Exception {
        Stopwatch stopwatch = new Stopwatch();
        if (args.length != 2) {
            System.err.println("usage: JdbcFloor <jdbc-url> <directory of V<n>__*.sql files>");
            System.exit(2);
        }
        int applied = apply(args[0], readRevisions(Path.of(args[1])));
        System.out.println("applied " + applied + " revisions");
        stopwatch.print("floor.sql");
        ResultLines.print(System.out, "floor.rssMib", ResultLines.peakRssMib());
    }

    /** Runs every revision; returns how many ran. */
    public static int apply(String url, List<List<String>> revisions) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            prepareVersionTable(connection);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement version = connection.prepareStatement("UPDATE bench_version SET version_num = ?")) {
                int number = 0;
                for (List<String> revision : revisions) {
                    number++;
                    for (String sql : revision) {
                        statement.execute(sql);
                    }
                    version.setString(1, "V" + number);
                    if (version.executeUpdate() != 1) {
                        throw new SQLException("bench_version must hold exactly one row");
                    }
                    connection.commit();
                }
                return number;
            }
        }
    }

    private static void prepareVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_version (version_num VARCHAR(32) NOT NULL)");
            statement.execute("INSERT INTO bench_version (version_num) VALUES ('base')");
        }
    }

    /** The statements of each {@code V<n>__*.sql} file, ordered by {@code n}. */
    public static List<List<String>> readRevisions(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(JdbcFloor::version))
                    .toList();
        }
        List<List<String>> revisions = new ArrayList<>(files.size());
        for (Path file : files) {
            revisions.add(statements(Files.readString(file)));
        }
        return revisions;
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** One statement per line ending with {@code ;}, comments skipped (the writer's format). */
    static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
                statements.add(trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            }
        }
        return statements;
    }
}
