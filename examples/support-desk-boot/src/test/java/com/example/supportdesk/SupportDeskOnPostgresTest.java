package com.example.supportdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a PostgreSQL database of its own, created on the server MIGRATE_TEST_POSTGRES_URL
 * names (for example {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) and dropped after.
 * Skipped without that variable, except on CI, where PostgreSQL must be there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DisabledIf(value = "noServerOutsideCi", disabledReason = "MIGRATE_TEST_POSTGRES_URL is not set")
class SupportDeskOnPostgresTest extends SupportDeskTests {

    private static String server;
    private static String database;
    private static String url;

    static boolean noServerOutsideCi() {
        return noServer() && !"true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static boolean noServer() {
        String url = System.getenv("MIGRATE_TEST_POSTGRES_URL");
        return url == null || url.isBlank();
    }

    @BeforeAll
    static void createDatabase() throws SQLException {
        if (noServer()) {
            throw new IllegalStateException("MIGRATE_TEST_POSTGRES_URL is not set; CI needs PostgreSQL");
        }
        server = System.getenv("MIGRATE_TEST_POSTGRES_URL");
        database = "support_desk_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        url = server.replaceFirst("/([^/?]+)(\\?|$)", "/" + database + "$2");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Read when the context starts, after createDatabase().
        registry.add("spring.datasource.url", () -> url);
    }

    @AfterAll
    static void dropDatabase() {
        if (database == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            // FORCE: the application's connection pool still holds connections to it.
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // The test's result matters more than the clean-up.
        }
    }
}
