package dev.migrate.benchmarks.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the suite measures against, reached through an administrative URL
 * ({@code MIGRATE_TEST_POSTGRES_URL}). Every measured run starts from a database made fresh here.
 */
public final class PostgresServer {

    /** The environment variable the tests and the suite read. */
    public static final String URL_VARIABLE = "MIGRATE_TEST_POSTGRES_URL";

    /** Used when the variable is unset (the developer machines' server). */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String adminUrl;

    public String adminUrl() {
        return adminUrl;
    }

    public PostgresServer(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    /** The server named by {@code MIGRATE_TEST_POSTGRES_URL}, else the default. */
    public static PostgresServer fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        return new PostgresServer(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    /** Drops {@code name} if it exists and creates it empty; returns its URL. */
    public String freshDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
        return urlFor(name);
    }

    public void dropDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
    }

    /** {@code SHOW server_version}. */
    public String version() throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The admin URL with its database name replaced, query parameters kept. */
    public String urlFor(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
}
