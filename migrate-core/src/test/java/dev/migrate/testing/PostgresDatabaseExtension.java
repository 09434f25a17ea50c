package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives each test class its own fresh PostgreSQL database, resolved as a {@link TestDatabase}
 * parameter. The server comes from {@code MIGRATE_TEST_POSTGRES_URL} (CI sets it), else from
 * Testcontainers when Docker is available; otherwise the test class is disabled with the reason (an
 * {@link ExecutionCondition}, so Surefire counts its tests as skipped, not as "Tests run: 0"), and
 * fails instead when {@code CI=true}, so a missing database can never turn CI green.
 */
public final class PostgresDatabaseExtension
        implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, ParameterResolver {

    public static final String URL_VARIABLE = "MIGRATE_TEST_POSTGRES_URL";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresDatabaseExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return availability(System.getenv(), TestcontainersServer::dockerAvailable);
    }

    /**
     * Enabled when a server can be had, or under {@code CI=true} (where {@link #beforeAll} then fails
     * with the reason); disabled with the reason otherwise.
     */
    static ConditionEvaluationResult availability(Map<String, String> environment, BooleanSupplier dockerAvailable) {
        String url = environment.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled(URL_VARIABLE + " is set");
        }
        if ("true".equalsIgnoreCase(environment.get("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: a missing database is a failure, not a skip");
        }
        if (dockerAvailable.getAsBoolean()) {
            return ConditionEvaluationResult.enabled("Docker is available for Testcontainers");
        }
        return ConditionEvaluationResult.disabled(UNAVAILABLE);
    }

    private static final String UNAVAILABLE = "PostgreSQL is not available: set " + URL_VARIABLE
            + " (for example jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or start Docker for Testcontainers";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Server server = server();
        String name = ("mt_" + context.getRequiredTestClass().getSimpleName() + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        context.getStore(NAMESPACE).put("server", server);
        context.getStore(NAMESPACE).put("database", new TestDatabase("postgresql", server.urlFor(name), server.user, server.password));
        context.getStore(NAMESPACE).put("name", name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Server server = context.getStore(NAMESPACE).get("server", Server.class);
        String name = context.getStore(NAMESPACE).get("name", String.class);
        if (server == null || name == null) {
            return;
        }
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
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

    /** The server to create test databases on, or an abort (a failure under CI=true). */
    private static Server server() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return Server.fromUrl(url);
        }
        Server container = TestcontainersServer.startIfDockerAvailable();
        if (container != null) {
            return container;
        }
        String reason = UNAVAILABLE;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " (CI=true: a missing database is a failure, not a skip)");
        }
        // Surefire counts an aborted class as zero tests without saying why: say it in the build log.
        System.err.println("[migrate tests] skipped: " + reason);
        throw new TestAbortedException(reason);
    }

    /** A PostgreSQL server reached through an administrative URL. */
    static final class Server {
        final String adminUrl;
        final String user;
        final String password;

        Server(String adminUrl, String user, String password) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
        }

        static Server fromUrl(String url) {
            return new Server(url, null, null);
        }

        Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(adminUrl, properties);
        }

        /** The admin URL with its database name replaced. */
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            int slash = base.lastIndexOf('/');
            return base.substring(0, slash + 1) + database + params;
        }
    }

    /** Testcontainers, reached reflectively-free but only when Docker answers. */
    static final class TestcontainersServer {
        private static Server shared;

        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        static synchronized Server startIfDockerAvailable() {
            if (shared != null) {
                return shared;
            }
            if (!dockerAvailable()) {
                return null;
            }
            @SuppressWarnings("resource") // lives as long as the test JVM; Ryuk removes it
            org.testcontainers.containers.PostgreSQLContainer<?> container =
                    new org.testcontainers.containers.PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            shared = new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            return shared;
        }
    }

}
