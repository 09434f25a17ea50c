package dev.migrate.junit;

import dev.migrate.dialect.MaskedUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/** Where fresh test databases come from: a PostgreSQL or MariaDB/MySQL server, or embedded in-memory H2. */
sealed interface DatabaseServer permits DatabaseServer.Postgres, DatabaseServer.MariaDb, DatabaseServer.H2 {

    /** Creates a new, empty database; {@code hint} (e.g. the test class name) goes into its name. */
    FreshDatabase create(String hint) throws SQLException;

    /**
     * A URL that names the database the lint judges revisions for ({@code checks.lint()}), or
     * {@code null} for PostgreSQL's rules: a test on PostgreSQL or MariaDB/MySQL tests the kind of
     * database that runs in production, while embedded H2 usually stands in for PostgreSQL. Only its
     * dialect is read; the lint opens no connection.
     */
    String lintUrl();

    /** A unique database name: letters, digits and underscores, at most 63 characters (PostgreSQL's limit). */
    static String uniqueName(String hint) {
        String clean = hint.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
        String prefix = clean.length() > 40 ? clean.substring(0, 40) : clean;
        return "mt_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * A PostgreSQL server reached through an administrative URL; each database is created with
     * {@code CREATE DATABASE} and dropped with {@code DROP DATABASE ... WITH (FORCE)}.
     */
    record Postgres(String adminUrl, String user, String password) implements DatabaseServer {

        // Connect and socket timeouts: a server that accepts but never answers must not hang the build.
        static final String PREFIX = "jdbc:postgresql:";
        private static final String CONNECT_TIMEOUT_SECONDS = "10";
        private static final String SOCKET_TIMEOUT_SECONDS = "600";

        @Override
        public FreshDatabase create(String hint) throws SQLException {
            String name = uniqueName(hint);
            run("CREATE DATABASE \"" + name + "\"");
            return new FreshDatabase("postgresql", urlFor(name), user, password,
                    () -> run("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)"));
        }

        @Override
        public String lintUrl() {
            return adminUrl;
        }

        private void run(String sql) throws SQLException {
            Properties properties = FreshDatabase.credentials(user, password);
            properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
            properties.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
            try (Connection admin = DriverManager.getConnection(adminUrl, properties);
                 Statement statement = admin.createStatement()) {
                statement.execute(sql);
            }
        }

        /** The admin URL with its database name replaced, parameters (user, ssl, ...) kept. */
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            String rest = base.substring(PREFIX.length());
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                return PREFIX + (slash < 0 ? rest : rest.substring(0, slash)) + "/" + database + params;
            }
            return PREFIX + database + params;
        }

        @Override
        public String toString() {
            return "PostgreSQL " + MaskedUrl.mask(adminUrl);
        }
    }

    /**
     * A MariaDB or MySQL server reached through an administrative URL ({@code jdbc:mariadb:} or
     * {@code jdbc:mysql:}); each database is created with {@code CREATE DATABASE} and dropped after.
     */
    record MariaDb(String adminUrl, String user, String password) implements DatabaseServer {

        static boolean handles(String url) {
            return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
        }

        @Override
        public FreshDatabase create(String hint) throws SQLException {
            String name = uniqueName(hint);
            run("CREATE DATABASE `" + name + "`");
            return new FreshDatabase("mariadb", urlFor(name), user, password, () -> run("DROP DATABASE IF EXISTS `" + name + "`"));
        }

        @Override
        public String lintUrl() {
            return adminUrl;
        }

        private void run(String sql) throws SQLException {
            Properties properties = FreshDatabase.credentials(user, password);
            properties.setProperty("connectTimeout", "10000"); // milliseconds, in both drivers
            try (Connection admin = DriverManager.getConnection(adminUrl, properties);
                 Statement statement = admin.createStatement()) {
                statement.execute(sql);
            }
        }

        /** The admin URL with its database name replaced (or added), parameters kept. */
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            int hostStart = base.indexOf("//");
            int slash = hostStart < 0 ? -1 : base.indexOf('/', hostStart + 2);
            return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
        }

        @Override
        public String toString() {
            return "MariaDB " + MaskedUrl.mask(adminUrl);
        }
    }

    /**
     * Embedded H2: every database is a new in-memory one, gone when its last connection closes after the drop.
     * {@code DATABASE_TO_LOWER} makes H2 fold unquoted names the way PostgreSQL does, so a test's
     * {@code SELECT status FROM tickets} finds the quoted lower-case names migrate creates.
     */
    record H2() implements DatabaseServer {

        @Override
        public FreshDatabase create(String hint) {
            String url = "jdbc:h2:mem:" + uniqueName(hint) + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
            return new FreshDatabase("h2", url, "sa", "", () -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "");
                     Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            });
        }

        @Override
        public String lintUrl() {
            return null;
        }

        @Override
        public String toString() {
            return "embedded H2 (in memory)";
        }
    }
}
