package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a {@link SchemaSnapshot} of one schema from a live database through its catalog
 * (each database's own, found through its {@link DialectProvider}). Used to check that a
 * revision's downgrade undoes its upgrade.
 */
public interface SchemaIntrospector {

    /**
     * The snapshot of {@code schema}, or of the connection's current schema when {@code schema}
     * is null. Reads only; the connection's transaction state is left as it was.
     */
    SchemaSnapshot snapshot(Connection connection, String schema) throws SQLException;

    /**
     * The server's version text as the server itself gives it ({@code 16.4 (Debian 16.4-1)},
     * {@code 10.11.9-MariaDB}); by default the driver's product version. A database whose drivers
     * report it differently overrides this: MySQL Connector/J reports a MariaDB 10 server as
     * {@code 5.5.5-10.11.9-MariaDB}, from the handshake MariaDB keeps for old MySQL clients.
     */
    default String serverVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductVersion();
    }

    /** The connection's current schema (on MariaDB and MySQL its current database). */
    default String currentSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** True when the database has {@code schema} (on MariaDB and MySQL a database), its name as stored. */
    default boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, schema);
            try (java.sql.ResultSet row = statement.executeQuery()) {
                return row.next() && row.getInt(1) > 0;
            }
        }
    }

    /** The introspector for a JDBC URL, from the provider that claims it; the error lists the supported URL prefixes. */
    static SchemaIntrospector forUrl(String jdbcUrl) {
        return Dialects.introspectorForUrl(jdbcUrl);
    }

    /** The introspector for the database behind {@code connection}, chosen by its URL. */
    static SchemaIntrospector forConnection(Connection connection) throws SQLException {
        return forUrl(connection.getMetaData().getURL());
    }
}
