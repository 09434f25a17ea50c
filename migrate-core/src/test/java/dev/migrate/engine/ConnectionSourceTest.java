package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Connection errors: name host and port, never the password; a missing driver says what to add. */
class ConnectionSourceTest {

    private static final String SECRET = "s3cret-Pa55";

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void unreachablePortNamesHostAndPortButNotThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/app?user=postgres&password=" + SECRET;
        MigrateException e = assertThrows(MigrateException.class,
                () -> ConnectionSource.of(url, "postgres", SECRET, loader).open());
        assertTrue(e.getMessage().startsWith("Cannot connect to 127.0.0.1:1 (jdbc:postgresql://127.0.0.1:1/app?user=postgres"
                + "&password=***) as user 'postgres': "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check migrate.url, migrate.user and migrate.password (or the settings.xml server),"
                + " and that the database is running and reachable."), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void defaultPostgresPortIsNamed() {
        // No server listens on this host name; the message still names the port the driver used.
        MigrateException e = assertThrows(MigrateException.class,
                () -> ConnectionSource.of("jdbc:postgresql://no-such-host.invalid/app", "u", SECRET, loader).open());
        assertTrue(e.getMessage().startsWith("Cannot connect to no-such-host.invalid:5432 "), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void wrongPasswordIsNotRepeated() throws SQLException {
        String url = "jdbc:h2:mem:wrong_password_test;DB_CLOSE_DELAY=-1";
        try (Connection owner = ConnectionSource.of(url, "owner", "right-one", loader).open()) {
            MigrateException e = assertThrows(MigrateException.class,
                    () -> ConnectionSource.of(url, "owner", SECRET, loader).open());
            assertTrue(e.getMessage().startsWith("Cannot connect to jdbc:h2:mem:wrong_password_test;DB_CLOSE_DELAY=-1 as user"
                    + " 'owner': Wrong user name or password"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET));
            assertFalse(e.getMessage().contains("right-one"));
        }
    }

    @Test
    void missingDriverNamesThePrefixAndTheFix() {
        ClassLoader withoutDrivers = ClassLoader.getPlatformClassLoader();
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:postgresql://db:5432/app?password=" + SECRET, "u", SECRET, withoutDrivers).open());
        assertEquals("No JDBC driver for 'jdbc:postgresql:' URLs is on the class path (migrate.url="
                + "jdbc:postgresql://db:5432/app?password=***). Add the database's JDBC driver as a dependency of the project or"
                + " of the plugin (for example org.postgresql:postgresql or com.h2database:h2).", e.getMessage());
    }

    @Test
    void embeddedH2FileOpenInAnotherProcessSaysSoAndHowToShareIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String url = "jdbc:h2:" + dir.resolve("busy") + ";DATABASE_TO_LOWER=TRUE";
        ConnectionSource.of(url, "sa", "", loader).open().close();
        // What another JVM holding the file looks like to H2: the file lock is taken.
        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(dir.resolve("busy.mv.db"),
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = file.lock()) {
            MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(url, "sa", "", loader).open());
            assertTrue(e.getMessage().startsWith("Cannot open jdbc:h2:" + dir.resolve("busy") + ";DATABASE_TO_LOWER=TRUE:"
                    + " another process has this embedded H2 database open (another migrate run, an IDE, the application),"
                    + " and embedded H2 admits one process at a time: Database may be already in use"), e.getMessage());
            assertTrue(e.getMessage().endsWith("Wait for it to finish and run again, or share the database between processes"
                    + " with ;AUTO_SERVER=TRUE in migrate.url."), e.getMessage());
        }
    }

    @Test
    void missingUrlNamesTheSetting() {
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(null, null, null, loader));
        assertEquals("No database URL is configured: set migrate.url (for example jdbc:postgresql://localhost:5432/app).",
                e.getMessage());
    }
}
