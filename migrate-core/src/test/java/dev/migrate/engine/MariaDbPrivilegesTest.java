package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A MariaDB user that may log in but lacks privileges migrate needs: the message says which, and,
 * since MariaDB commits DDL implicitly, no revision statement runs before migrate knows it can record it.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
@Timeout(120)
class MariaDbPrivilegesTest {

    private static final String PASSWORD = "Pr1vilege-secret";
    private static final List<String> HOSTS = List.of("%", "localhost", "127.0.0.1");
    private final String user = "mp_" + Long.toHexString(System.nanoTime());

    @AfterEach
    void dropUser() throws SQLException {
        for (String host : HOSTS) {
            execute(null, "DROP USER IF EXISTS '" + user + "'@'" + host + "'");
        }
    }

    /** The user exists and the password is right, but nothing is granted on the database. */
    @Test
    void aUserWithoutPrivilegesOnTheDatabaseIsToldSoNotToCheckThePassword(TestDatabase database) throws SQLException {
        createUser(database);
        String url = userUrl(database);

        MigrateException e = assertThrows(MigrateException.class,
                () -> ConnectionSource.of(url, null, PASSWORD, getClass().getClassLoader()).open().close());

        assertTrue(e.getMessage().contains("Access denied for user '" + user + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("The user and password were accepted, but the user has no privileges on that"
                + " database: have them granted (GRANT ALL ON <database>.* TO <user>), or set migrate.user to a user that"
                + " has them, or fix the database name in migrate.url."), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    /**
     * The user may create tables (migrate's own among them) but not write rows: the revision's CREATE TABLE
     * would commit for good and its record then fail, leaving a table no version row accounts for (the next
     * run fails on "already exists"). The run stops before the revision, naming the privilege.
     */
    @Test
    void aUserWhoMayCreateButNotWriteMigratesTablesRunsNoRevisionStatement(TestDatabase database) throws SQLException {
        createUser(database);
        for (String host : HOSTS) {
            execute(database, "GRANT SELECT, CREATE ON `" + schema(database) + "`.* TO '" + user + "'@'" + host + "'");
        }
        TestRevisions revisions = new TestRevisions()
                .add("p1", null, op -> op.execute("CREATE TABLE `pv_made` (`id` INT)"), op -> op.execute("DROP TABLE `pv_made`"));
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "pv_version"), Duration.ofSeconds(30), null,
                event -> { });
        OnlineRun run = new OnlineRun(ConnectionSource.of(userUrl(database), null, PASSWORD, getClass().getClassLoader()),
                new MariaDbDialect(), settings, revisions.lookup());

        MigrateException e = assertThrows(MigrateException.class, () -> run.run(heads -> revisions.up(null, "p1")));

        assertTrue(e.getMessage().contains("command denied to user '" + user + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check that the database is reachable and that migrate.user may create, read"
                + " and write these tables."), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertEquals(List.of(), database.strings("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_NAME = 'pv_made'"), "the revision's DDL did not run");
    }

    // ---- helpers ----

    private void createUser(TestDatabase database) throws SQLException {
        for (String host : HOSTS) {
            execute(database, "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
        }
    }

    private String userUrl(TestDatabase database) {
        return MariaDbDatabaseExtension.plainUrl(database).replace("user=root", "user=" + user);
    }

    private static String schema(TestDatabase database) {
        return MariaDbDatabaseExtension.plainUrl(database).replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
    }

    /** On {@code database}, or (null) on the admin connection. */
    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database == null ? MariaDbDatabaseExtension.admin()
                : DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
