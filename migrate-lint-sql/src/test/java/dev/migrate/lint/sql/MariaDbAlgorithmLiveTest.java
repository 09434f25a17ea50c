package dev.migrate.lint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.ops.RecordingOperations;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintedRevision;
import dev.migrate.lint.Linter;
import dev.migrate.ops.ColumnType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * MG123's table of what MariaDB can do without copying comes from the manual; this test asks the
 * server. Each statement asks for an {@code ALGORITHM=} or {@code LOCK=} on a fresh table shaped like the one the lint
 * assumes, and the lint must flag exactly the statements the server refuses. Runs on the MariaDB of
 * {@code MIGRATE_TEST_MARIADB_URL} (skipped without it, a failure with {@code CI=true}).
 */
class MariaDbAlgorithmLiveTest {

    private static final List<String> STATEMENTS = List.of(
            "ALTER TABLE tickets ADD COLUMN note text, ALGORITHM=INSTANT",
            "ALTER TABLE tickets DROP COLUMN hits, ALGORITHM=INSTANT",
            "ALTER TABLE tickets RENAME COLUMN hits TO views, ALGORITHM=INSTANT",
            "ALTER TABLE tickets MODIFY COLUMN title varchar(200), ALGORITHM=INSTANT",
            "ALTER TABLE tickets MODIFY COLUMN hits bigint, ALGORITHM=INSTANT",
            "ALTER TABLE tickets MODIFY COLUMN hits bigint, ALGORITHM=INPLACE",
            "ALTER TABLE tickets MODIFY COLUMN hits bigint, ALGORITHM=COPY",
            "ALTER TABLE tickets MODIFY COLUMN title varchar(100) NOT NULL, ALGORITHM=INSTANT",
            "ALTER TABLE tickets MODIFY COLUMN title varchar(100) NOT NULL, ALGORITHM=INPLACE",
            "ALTER TABLE tickets ADD PRIMARY KEY (id), ALGORITHM=INSTANT",
            "ALTER TABLE tickets ADD PRIMARY KEY (id), ALGORITHM=INPLACE",
            "CREATE INDEX ix_title ON tickets (title) ALGORITHM=INSTANT",
            "CREATE INDEX ix_title ON tickets (title) ALGORITHM=NOCOPY",
            "ALTER TABLE tickets ADD CONSTRAINT uq_title UNIQUE (title), ALGORITHM=INSTANT",
            "ALTER TABLE tickets ADD CONSTRAINT uq_title UNIQUE (title), ALGORITHM=NOCOPY",
            "ALTER TABLE tickets ADD CONSTRAINT ck_hits CHECK (hits >= 0), ALGORITHM=INPLACE",
            "ALTER TABLE tickets ADD CONSTRAINT ck_hits CHECK (hits >= 0), ALGORITHM=COPY",
            // LOCK=NONE: refused where writes are blocked (a copy, FULLTEXT, AUTO_INCREMENT)
            "ALTER TABLE tickets ADD COLUMN note text, LOCK=NONE",
            "ALTER TABLE tickets MODIFY COLUMN hits bigint, LOCK=NONE",
            "ALTER TABLE tickets MODIFY COLUMN title varchar(100) NOT NULL, LOCK=NONE",
            "ALTER TABLE tickets ADD INDEX ix_title (title), LOCK=NONE",
            "ALTER TABLE tickets ADD FULLTEXT INDEX ft_title (title), LOCK=NONE",
            "ALTER TABLE tickets ADD FULLTEXT INDEX ft_title (title), LOCK=SHARED",
            "ALTER TABLE tickets ADD COLUMN seq BIGINT AUTO_INCREMENT UNIQUE, LOCK=NONE",
            "ALTER TABLE tickets ADD CONSTRAINT ck_hits CHECK (hits >= 0), ALGORITHM=COPY, LOCK=NONE");

    @Test
    void theLintFlagsExactlyWhatTheServerRefuses() throws SQLException {
        String url = System.getenv("MIGRATE_TEST_MARIADB_URL");
        if (url == null || url.isBlank()) {
            String reason = "MariaDB is not available: set MIGRATE_TEST_MARIADB_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true: a missing database is a failure, not a skip)");
            }
            throw new TestAbortedException(reason);
        }
        String database = "mt_algorithm_" + ProcessHandle.current().pid();
        List<String> disagreements = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + database + "`");
            try {
                statement.execute("USE `" + database + "`");
                for (String sql : STATEMENTS) {
                    statement.execute("DROP TABLE IF EXISTS tickets");
                    // The shape the lint is told about below; utf8mb4 because the VARCHAR rule counts 4 bytes a character.
                    statement.execute("CREATE TABLE tickets (id BIGINT, title VARCHAR(100), hits INT)"
                            + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
                    statement.execute("INSERT INTO tickets VALUES (1, 'a', 1), (2, 'b', 2)");
                    boolean refused;
                    String why = "";
                    try {
                        statement.execute(sql);
                        refused = false;
                    } catch (SQLException e) {
                        refused = true;
                        why = e.getMessage();
                    }
                    List<String> rules = lint(sql);
                    boolean flagged = rules.contains("MG123");
                    if (flagged != refused) {
                        disagreements.add((refused ? "server refused (" + why + "), lint gave " + rules + ": "
                                : "server accepted, lint flagged " + rules + ": ") + sql);
                    }
                }
            } finally {
                statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
        }
        assertEquals(List.of(), disagreements);
    }

    private static List<String> lint(String sql) {
        RecordingOperations earlier = new RecordingOperations();
        earlier.createTable("tickets", t -> {
            t.column("id", ColumnType.BIGINT);
            t.column("title", ColumnType.varchar(100));
            t.column("hits", ColumnType.INTEGER);
        });
        RecordingOperations change = new RecordingOperations();
        change.execute(sql);
        return new Linter(Duration.ofSeconds(3), new JSqlParserReader(), "mariadb")
                .lint(List.of(new LintedRevision("a0", "Rev0", earlier.operations(), List.of()),
                        new LintedRevision("a1", "Rev1", change.operations(), List.of())), Set.of("a1"), false)
                .stream().map(LintFinding::rule).toList();
    }
}
