package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.dialect.MaskedUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database created for one test class or one check, dropped by {@link #close()}.
 *
 * @param dialect  {@code postgresql} or {@code h2}
 * @param url      its JDBC URL
 * @param user     user name, or null when the URL carries it
 * @param password password, or null; never printed
 * @param dropper  drops the database
 */
record FreshDatabase(String dialect, String url, String user, String password, Dropper dropper) implements AutoCloseable {

    /** Drops a database; may fail with a {@link SQLException}. */
    @FunctionalInterface
    interface Dropper {
        void drop() throws SQLException;
    }

    /** A new connection (auto-commit) to this database. */
    Connection connect() {
        try {
            return DriverManager.getConnection(url, credentials(user, password));
        } catch (SQLException e) {
            throw new MigrateException("Cannot connect to the test database " + MaskedUrl.mask(url) + ": " + e.getMessage()
                    + " Check the database server and @MigrateTest(url), migrate.test.url or MIGRATE_TEST_POSTGRES_URL.", e);
        }
    }

    @Override
    public void close() {
        try {
            dropper.drop();
        } catch (SQLException e) {
            throw new MigrateException("Cannot drop the test database " + MaskedUrl.mask(url) + ": " + e.getMessage(), e);
        }
    }

    /** The dialect and the URL with its password masked. */
    @Override
    public String toString() {
        return dialect + " " + MaskedUrl.mask(url);
    }

    static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }
}
