package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.SettingNames;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where connections come from: a {@link DataSource}, or a JDBC URL with credentials
 * ({@link UrlConnectionSource}). Errors name the host and port, never the password.
 */
public interface ConnectionSource {

    /** A new connection; a {@link MigrateException} saying what to check when the database cannot be reached. */
    Connection open();

    /** The JDBC URL with any password masked (for messages), or null when unknown before connecting. */
    String maskedUrl();

    /**
     * Where the database is, for messages: {@code host:port (masked url)} for a server, the masked
     * URL for an embedded database, "the database" when unknown. Never contains a password.
     */
    default String where() {
        return maskedUrl() == null ? "the database" : maskedUrl();
    }

    /** Connections from a data source (pooled or not); the data source owns their settings. */
    static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                try {
                    return dataSource.getConnection();
                } catch (SQLException e) {
                    throw new MigrateException("Cannot get a connection from the configured DataSource: "
                            + e.getMessage() + " (SQLState " + e.getSQLState() + "). Check the data source's settings.", e);
                }
            }

            @Override
            public String maskedUrl() {
                return null;
            }
        };
    }

    /** Connections for a JDBC URL set in {@code migrate.url}, through the driver {@code loader} provides. */
    static ConnectionSource of(String url, String user, String password, ClassLoader loader) {
        return of(url, user, password, loader, "migrate.url");
    }

    /**
     * Connections for a JDBC URL through the driver {@code loader} provides; messages name the URL's
     * {@code setting} ({@code migrate.tenants}, {@code <url> of database 'main'}).
     */
    static ConnectionSource of(String url, String user, String password, ClassLoader loader, String setting) {
        return of(url, user, password, loader, SettingNames.DEFAULT.withUrl(setting));
    }

    /**
     * Connections for a JDBC URL through the driver {@code loader} provides; messages name the settings
     * of the URL, user and password as {@code settings} do ({@code <user> of database 'main'}).
     */
    static ConnectionSource of(String url, String user, String password, ClassLoader loader, SettingNames settings) {
        return new UrlConnectionSource(url, user, password, loader, settings);
    }
}
