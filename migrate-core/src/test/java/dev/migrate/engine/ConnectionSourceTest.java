package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.dialect.SettingNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection errors: name host and port, never the password; a missing driver says what to add. */
class ConnectionSourceTest {

    private static final String SECRET = "s3cret-Pa55";

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void unreachablePortNamesHostAndPortButNotThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/app?user=postgres&password=" + SECRET;
        MigrateException e = assertThrows(MigrateException.class,
                () -> ConnectionSource.of(url, "postgres", SECRET, loader).open());
        assertEquals("Cannot connect to 127.0.0.1:1 (jdbc:postgresql://127.0.0.1:1/app?user=postgres&password=***) as"
                + " user 'postgres': nothing accepts connections on 127.0.0.1:1 (connection refused) (SQLState 08001)."
                + " Check the host and port in migrate.url, and that the database server is running there.",
                e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void userInTheUrlIsTheOneNamed() {
        // The drivers let a user= in the URL win over the user property; the message says who really connected.
        MigrateException e = assertThrows(MigrateException.class,
                () -> ConnectionSource.of("jdbc:postgresql://127.0.0.1:1/app?user=app_owner", "sa", null, loader).open());
        assertTrue(e.getMessage().contains(" as user 'app_owner': "), e.getMessage());
    }

    @Test
    void silentServerTimesOutNamingHostAndPort() throws Exception {
        // Accepts the TCP connection and never answers, like a wrong port or a hung proxy.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = silent.getLocalPort();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/app?loginTimeout=1&password=" + SECRET;
            long started = System.nanoTime();
            MigrateException e = assertThrows(MigrateException.class,
                    () -> ConnectionSource.of(url, "postgres", null, loader).open());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "the login timeout fired");
            assertEquals("Cannot connect to 127.0.0.1:" + port + " (jdbc:postgresql://127.0.0.1:" + port
                    + "/app?loginTimeout=1&password=***) as user 'postgres': no answer from 127.0.0.1:" + port
                    + " within the connect or login timeout (connectTimeout 10 s, loginTimeout 1 s) (SQLState 08001). Something accepted the connection but did not answer as a database"
                    + " server: check that the port in migrate.url is the database's, and that the server is not"
                    + " overloaded.", e.getMessage());
        }
    }

    @Test
    void defaultPostgresPortIsNamed() {
        // No server listens on this host name; the message still names the port the driver used.
        MigrateException e = assertThrows(MigrateException.class,
                () -> ConnectionSource.of("jdbc:postgresql://no-such-host.invalid/app", "u", SECRET, loader).open());
        assertEquals("Cannot connect to no-such-host.invalid:5432 (jdbc:postgresql://no-such-host.invalid/app) as user"
                + " 'u': the host name no-such-host.invalid does not resolve (unknown host) (SQLState 08001). Check the"
                + " host name in migrate.url.", e.getMessage());
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
            assertTrue(e.getMessage().endsWith("Check migrate.user and the password (migrate.password, the"
                    + " MIGRATE_PASSWORD environment variable, or the settings.xml <server> named by migrate.serverId)."),
                    e.getMessage());
            assertFalse(e.getMessage().contains(SECRET));
            assertFalse(e.getMessage().contains("right-one"));
        }
    }

    @Test
    void missingDatabaseSaysCreateItOrFixTheName() {
        String url = "jdbc:h2:./target/no-such-database-" + System.nanoTime() + ";IFEXISTS=TRUE";
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(url, "sa", "", loader).open());
        assertTrue(e.getMessage().startsWith("Cannot connect to " + url + " as user 'sa': Database "), e.getMessage());
        assertTrue(e.getMessage().endsWith(". Create the database, or fix the database name in migrate.url."),
                e.getMessage());
    }

    @Test
    void theMessagesNameTheSettingTheUrlCameFrom() {
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:postgresql://127.0.0.1:99999/acme?password=" + SECRET, "u", null, loader, "migrate.tenants").open());
        assertEquals("The PostgreSQL driver does not accept the URL 'jdbc:postgresql://127.0.0.1:99999/acme?password=***'"
                + " (migrate.tenants): it is malformed. Write it as jdbc:postgresql://host:port/database with a port from 1"
                + " to 65535, for example jdbc:postgresql://localhost:5432/app.", e.getMessage());
        String url = "jdbc:h2:./target/no-such-database-" + System.nanoTime() + ";IFEXISTS=TRUE";
        e = assertThrows(MigrateException.class, () -> ConnectionSource.of(url, "sa", "", loader,
                "<url> of database 'analytics'").open());
        assertTrue(e.getMessage().endsWith(". Create the database, or fix the database name in <url> of database"
                + " 'analytics'."), e.getMessage());
    }

    @Test
    void malformedPostgresUrlIsNotAMissingDriver() {
        // The driver's parser refuses a port above 65535; its acceptsURL says false, not "bad URL".
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:postgresql://127.0.0.1:99999/app?password=" + SECRET, "u", null, loader).open());
        assertEquals("The PostgreSQL driver does not accept the URL 'jdbc:postgresql://127.0.0.1:99999/app?password=***'"
                + " (migrate.url): it is malformed. Write it as jdbc:postgresql://host:port/database with a port from 1"
                + " to 65535, for example jdbc:postgresql://localhost:5432/app.", e.getMessage());
    }

    @Test
    void userInfoBeforeThePostgresHostIsExplained() {
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:postgresql://app:" + SECRET + "@127.0.0.1:5432/app", null, null, loader).open());
        assertEquals("migrate.url puts the user (and password) before the host ('jdbc:postgresql://app:***@127.0.0.1:5432"
                + "/app'), which the PostgreSQL JDBC driver does not read: it would take that part as the host name."
                + " Write jdbc:postgresql://host:port/database and give the user in migrate.user (or ?user=...) and the"
                + " password in migrate.password, the MIGRATE_PASSWORD environment variable, or the settings.xml <server>"
                + " named by migrate.serverId.", e.getMessage());
    }

    @Test
    void userInfoBeforeTheMariaDbHostIsExplained() {
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:mariadb://app:" + SECRET + "@127.0.0.1:3306/app", null, null, loader).open());
        assertEquals("migrate.url puts the user (and password) before the host ('jdbc:mariadb://app:***@127.0.0.1:3306"
                + "/app'), which the MariaDB JDBC driver does not read: it would take that part as the host and port."
                + " Write jdbc:mariadb://host:port/database and give the user in migrate.user (or ?user=...) and the"
                + " password in migrate.password, the MIGRATE_PASSWORD environment variable, or the settings.xml <server>"
                + " named by migrate.serverId.", e.getMessage());
    }

    /** An entry of the plugin's {@code <databases>}: its own elements, not migrate.user and migrate.password. */
    private static final SettingNames ANALYTICS = new SettingNames("<url> of database 'analytics'",
            "<user> of database 'analytics'", "the ANALYTICS_PASSWORD environment variable (<passwordEnv> of database"
            + " 'analytics'), migrate.password, or the settings.xml <server> named by <serverId> of database 'analytics'");

    @Test
    void theMessagesNameTheSettingsOfTheUserAndPassword() throws SQLException {
        String url = "jdbc:h2:mem:entry_password_test;DB_CLOSE_DELAY=-1";
        try (Connection owner = ConnectionSource.of(url, "owner", "right-one", loader).open()) {
            MigrateException e = assertThrows(MigrateException.class,
                    () -> ConnectionSource.of(url, "owner", SECRET, loader, ANALYTICS).open());
            assertTrue(e.getMessage().endsWith("Check <user> of database 'analytics' and the password (the"
                    + " ANALYTICS_PASSWORD environment variable (<passwordEnv> of database 'analytics'), migrate.password,"
                    + " or the settings.xml <server> named by <serverId> of database 'analytics')."), e.getMessage());
        }
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:h2:mem:entry_duplicate_user;USER=bob", "sa", null, loader, ANALYTICS).open());
        assertTrue(e.getMessage().endsWith("(SQLState 90066). The URL and <user> of database 'analytics' (or the password"
                + " setting) both give it; keep one of them."), e.getMessage());
        e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:postgresql://app:" + SECRET + "@127.0.0.1:5432/app", null, null, loader, ANALYTICS).open());
        assertEquals("<url> of database 'analytics' puts the user (and password) before the host"
                + " ('jdbc:postgresql://app:***@127.0.0.1:5432/app'), which the PostgreSQL JDBC driver does not read: it"
                + " would take that part as the host name. Write jdbc:postgresql://host:port/database and give the user"
                + " in <user> of database 'analytics' (or ?user=...) and the password in the ANALYTICS_PASSWORD"
                + " environment variable (<passwordEnv> of database 'analytics'), migrate.password, or the settings.xml"
                + " <server> named by <serverId> of database 'analytics'.", e.getMessage());
    }

    /** A failure no dialect explains gets the generic advice, naming every setting of the connection. */
    @Test
    void genericAdviceNamesTheUrlUserAndPasswordSettings() {
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:h2:mem:generic;NO_SUCH_SETTING=1", "sa", "", loader).open());
        assertTrue(e.getMessage().endsWith(" Check migrate.url, migrate.user and the password (migrate.password, the"
                + " MIGRATE_PASSWORD environment variable, or the settings.xml <server> named by migrate.serverId), and"
                + " that the database is running and reachable."), e.getMessage());
        e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:h2:mem:generic;NO_SUCH_SETTING=1", "sa", "", loader, ANALYTICS).open());
        assertTrue(e.getMessage().endsWith(" Check <url> of database 'analytics', <user> of database 'analytics' and the"
                + " password (the ANALYTICS_PASSWORD environment variable (<passwordEnv> of database 'analytics'),"
                + " migrate.password, or the settings.xml <server> named by <serverId> of database 'analytics'), and"
                + " that the database is running and reachable."), e.getMessage());
    }

    @Test
    void userInTheH2UrlAndInTheSettingSaysKeepOne() {
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:h2:mem:duplicate_user;USER=bob", "sa", null, loader).open());
        assertTrue(e.getMessage().endsWith("(SQLState 90066). The URL and migrate.user (or the password setting) both"
                + " give it; keep one of them."), e.getMessage());
    }

    @Test
    void h2FileThatCannotBeCreatedNamesTheDirectory(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:h2:" + notADirectory + "/sub/app;PASSWORD=" + SECRET, "sa", "", loader).open());
        assertEquals("Cannot create the H2 database " + notADirectory + "/sub/app (migrate.url=jdbc:h2:" + notADirectory
                + "/sub/app;PASSWORD=***): " + notADirectory + " is not a directory. Point migrate.url at a directory"
                + " you can write, for example jdbc:h2:./target/app.", e.getMessage());
    }

    @Test
    void missingDriverNamesThePrefixAndTheFix() {
        ClassLoader withoutDrivers = ClassLoader.getPlatformClassLoader();
        MigrateException e = assertThrows(MigrateException.class, () -> ConnectionSource.of(
                "jdbc:postgresql://db:5432/app?password=" + SECRET, "u", SECRET, withoutDrivers).open());
        assertEquals("No JDBC driver for 'jdbc:postgresql:' URLs is on the class path (migrate.url="
                + "jdbc:postgresql://db:5432/app?password=***). Add the database's JDBC driver as a dependency of the project or"
                + " of the plugin (for example org.postgresql:postgresql).", e.getMessage());
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
