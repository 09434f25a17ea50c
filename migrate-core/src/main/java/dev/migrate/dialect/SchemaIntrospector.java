package dev.migrate.dialect;

import dev.migrate.MigrateException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a {@link SchemaSnapshot} of one schema from a live database through its catalog
 * (PostgreSQL's {@code pg_catalog}, H2's {@code INFORMATION_SCHEMA}). Used to check that a
 * revision's downgrade undoes its upgrade.
 */
public interface SchemaIntrospector {

    /**
     * The snapshot of {@code schema}, or of the connection's current schema when {@code schema}
     * is null. Reads only; the connection's transaction state is left as it was.
     */
    SchemaSnapshot snapshot(Connection connection, String schema) throws SQLException;

    /** The introspector for a JDBC URL; the error lists the supported URL prefixes. */
    static SchemaIntrospector forUrl(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresSchemaIntrospector();
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:")) {
            return new H2SchemaIntrospector();
        }
        throw new MigrateException("Cannot read the schema of '" + MaskedUrl.mask(jdbcUrl)
                + "': schema snapshots support URLs starting with jdbc:postgresql: and jdbc:h2:. Use one of those databases.");
    }

    /** The introspector for the database behind {@code connection}, chosen by its URL. */
    static SchemaIntrospector forConnection(Connection connection) throws SQLException {
        return forUrl(connection.getMetaData().getURL());
    }
}
