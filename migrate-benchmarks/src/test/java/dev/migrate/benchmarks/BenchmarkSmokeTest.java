package dev.migrate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.benchmarks.floor.JdbcFloor;
import dev.migrate.benchmarks.history.FlywayProjectWriter;
import dev.migrate.benchmarks.history.GeneratedRevision;
import dev.migrate.benchmarks.history.SupportDeskHistory;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke size (N = 20) of the suite on real PostgreSQL, so the default build keeps the harness
 * working: the generated SQL runs and reverses, the floor applies it, and {@code RunAll} measures
 * and writes its table. No timing is asserted; the figures come from {@code bench/run.sh}.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class BenchmarkSmokeTest {

    private static final int SMOKE = 20;

    @Test
    void floorAppliesTheHistoryAndEveryDowngradeReversesIt(TestDatabase database, @TempDir Path dir) throws Exception {
        List<GeneratedRevision> history = SupportDeskHistory.generate(SMOKE);
        new FlywayProjectWriter("13.12.0", "42.7.13").write(dir, history);

        int applied = JdbcFloor.apply(urlWithUser(database), JdbcFloor.readRevisions(dir.resolve(FlywayProjectWriter.MIGRATIONS)));

        assertEquals(SMOKE, applied);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertEquals("V" + SMOKE, single(statement, "SELECT version_num FROM bench_version"));
            assertTrue(tables(connection).containsAll(List.of("organization", "team", "agent", "customer")),
                    tables(connection).toString());
            for (int i = history.size() - 1; i >= 0; i--) {
                for (String sql : history.get(i).downgrade()) {
                    statement.execute(sql);
                }
            }
            assertEquals(List.of("bench_version"), tables(connection));
        }
    }

    @Test
    void runAllMeasuresTheFloorAndWritesTheTable(TestDatabase database, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.md");
        Path doc = dir.resolve("PERFORMANCE.md");
        Files.writeString(doc, "# Performance\n" + RunAll.BEGIN + "\nold table\n" + RunAll.END + "\n## Graph\n");

        RunAll.main(new String[] {"--sizes", String.valueOf(SMOKE), "--runs", "2", "--scenarios", "floor",
                "--work", dir.resolve("work").toString(), "--out", out.toString(), "--update-doc", doc.toString()});

        String table = Files.readString(out);
        assertTrue(table.contains("| Measurement | N = 20 |"), table);
        assertTrue(table.contains("| Physical floor: plain JDBC, cold `java` process (wall) | "), table);
        assertTrue(table.contains("| `Migrator.upgradeSql` in process | not measured | < 0.3 s | — |"), table);
        String updated = Files.readString(doc);
        assertTrue(updated.contains(table) && !updated.contains("old table") && updated.endsWith(RunAll.END + "\n## Graph\n"), updated);
    }

    private static String urlWithUser(TestDatabase database) {
        return database.user() == null ? database.url()
                : database.url() + (database.url().contains("?") ? "&" : "?") + "user=" + database.user()
                        + (database.password() == null ? "" : "&password=" + database.password());
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        names.sort(null);
        return names;
    }
}
