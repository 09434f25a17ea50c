package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives each test class its own fresh MariaDB database (dropped afterwards, with the databases its
 * tests made under its name), resolved as a {@link TestDatabase} parameter. The server comes from
 * {@code MIGRATE_TEST_MARIADB_URL} (for example {@code jdbc:mariadb://127.0.0.1:3306/test?user=root});
 * without it the class is skipped with the reason, and fails instead when {@code CI=true}.
 *
 * <p>The contract tests share SQL with PostgreSQL and H2 that quotes names in double quotes, so the
 * database's URL turns on ANSI_QUOTES for the session (besides MariaDB's default strict modes); migrate's
 * own SQL uses backticks, which work in either mode. {@link #plainUrl} is the URL without it, for tests
 * that run migrate as a user would.
 */
public final class MariaDbDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    public static final String URL_VARIABLE = "MIGRATE_TEST_MARIADB_URL";

    /** Session settings of the contract tests' connections; a raw value, which the driver sends as SET. */
    static final String ANSI_SESSION = "sessionVariables=sql_mode='ANSI_QUOTES,STRICT_TRANS_TABLES,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'&useCatalogTerm=Schema";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MariaDbDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String admin = adminUrl();
        String name = ("mt_" + context.getRequiredTestClass().getSimpleName() + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "`");
        }
        context.getStore(NAMESPACE).put("admin", admin);
        context.getStore(NAMESPACE).put("name", name);
        context.getStore(NAMESPACE).put("database", new TestDatabase("mariadb", driverUrl(context.getRequiredTestClass(), urlFor(admin, name, true)), null, null));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        String admin = context.getStore(NAMESPACE).get("admin", String.class);
        String name = context.getStore(NAMESPACE).get("name", String.class);
        if (admin == null || name == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
            List<String> databases = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW DATABASES LIKE '" + name + "%'")) {
                while (rows.next()) {
                    databases.add(rows.getString(1));
                }
            }
            for (String database : databases) {
                statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = context.getStore(NAMESPACE).get("database", TestDatabase.class);
        if (database == null) {
            database = context.getParent().map(p -> p.getStore(NAMESPACE).get("database", TestDatabase.class)).orElse(null);
        }
        return database;
    }

    /** Connector/J's spelling of the contract tests' session settings (see {@link #ANSI_SESSION}). */
    static final String MYSQL_ANSI_SESSION = "sessionVariables=sql_mode='ANSI_QUOTES,STRICT_TRANS_TABLES,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'&databaseTerm=SCHEMA&useInformationSchema=true";

    /**
     * The URL the code under test gets: the MariaDB URL of the test's database, or for a class marked
     * {@link ViaMySqlConnector} its {@code jdbc:mysql:} spelling for MySQL Connector/J. Creating and
     * dropping the databases always goes through the MariaDB driver.
     */
    private static String driverUrl(Class<?> testClass, String mariaDbUrl) {
        if (!testClass.isAnnotationPresent(ViaMySqlConnector.class)) {
            return mariaDbUrl;
        }
        return mariaDbUrl.replace("jdbc:mariadb:", "jdbc:mysql:").replace(ANSI_SESSION, MYSQL_ANSI_SESSION);
    }

    /** {@code database}'s URL without the contract tests' session settings: MariaDB as a user runs it. */
    public static String plainUrl(TestDatabase database) {
        return database.url().replace("&" + ANSI_SESSION, "").replace("?" + ANSI_SESSION, "")
                .replace("&" + MYSQL_ANSI_SESSION, "").replace("?" + MYSQL_ANSI_SESSION, "");
    }

    /** A database name beside the test class's own, dropped with it: {@code <class database>_<suffix>}. */
    public static String siblingName(TestDatabase database, String suffix) {
        String path = plainUrl(database);
        int query = path.indexOf('?');
        String base = query < 0 ? path : path.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1) + "_" + suffix;
    }

    private static String adminUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return url;
        }
        String reason = "MariaDB is not available: set " + URL_VARIABLE + " (for example jdbc:mariadb://127.0.0.1:3306/test?user=root)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " (CI=true: a missing database is a failure, not a skip)");
        }
        System.err.println("[migrate tests] skipped: " + reason);
        throw new TestAbortedException(reason);
    }

    /** The admin URL with its database name replaced, and with or without the ANSI session. */
    static String urlFor(String adminUrl, String database, boolean ansi) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.lastIndexOf('/');
        String url = base.substring(0, slash + 1) + database + params;
        return ansi ? url + (params.isEmpty() ? "?" : "&") + ANSI_SESSION : url;
    }

    /** Opens the admin connection; for tests that need to look at the server beside their database. */
    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl());
    }
}
