package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A table named like migrate's version table that another tool made (other columns): every goal says
 * so and how to give migrate its own table, instead of blaming the connection or the privileges, and
 * no revision runs.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
@Timeout(120)
class MariaDbForeignVersionTableTest {

    private static final String ADVICE = "migrate changed no row in it. Give migrate tables of its own with"
            + " migrate.versionTable (for example -Dmigrate.versionTable=app_version; the other tables are named after"
            + " it), or move that table out of the way.";

    @Test
    void anotherToolsTableOfTheVersionTablesNameIsNamedAsSuch(TestDatabase database) throws SQLException {
        execute(database, "CREATE TABLE `fv_version` (`id` INT PRIMARY KEY, `script` VARCHAR(100))");
        execute(database, "INSERT INTO `fv_version` VALUES (1, 'V1__init.sql')");
        TestRevisions revisions = new TestRevisions()
                .add("f1", null, op -> op.execute("CREATE TABLE `fv_made` (`id` INT)"), op -> op.execute("DROP TABLE `fv_made`"));
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "fv_version"), Duration.ofSeconds(30), null,
                event -> { });
        OnlineRun run = new OnlineRun(ConnectionSource.of(MariaDbDatabaseExtension.plainUrl(database), null, null,
                getClass().getClassLoader()), new MariaDbDialect(), settings, revisions.lookup());

        MigrateException read = assertThrows(MigrateException.class, run::current);
        MigrateException upgrade = assertThrows(MigrateException.class, () -> run.run(heads -> revisions.up(null, "f1")));
        MigrateException quickUpgrade = assertThrows(MigrateException.class,
                () -> run.run(heads -> revisions.up(null, "f1"), true));

        for (MigrateException e : List.of(read, upgrade, quickUpgrade)) {
            assertTrue(e.getMessage().startsWith("A table named like one of migrate's own (fv_version, fv_history,"
                    + " fv_progress) in " + MariaDbDatabaseExtension.plainUrl(database) + " lacks a column migrate"
                    + " reads and writes, so it is another tool's table (or not migrate's): "), e.getMessage());
            assertTrue(e.getMessage().contains("Unknown column 'version_num'"), e.getMessage());
            assertTrue(e.getMessage().endsWith(ADVICE), e.getMessage());
        }
        assertEquals(List.of("1 V1__init.sql"), database.strings("SELECT CONCAT(`id`, ' ', `script`) FROM `fv_version`"));
        assertEquals(List.of(), database.strings("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_NAME = 'fv_made'"), "no revision ran");
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
