package dev.migrate.autogenerate;

import dev.migrate.dialect.SchemaIntrospector;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * What a model reader learns from the database once it is open, to name and type the model as the
 * application's own start-up against this database would.
 *
 * @param identifierCase how the database stores unquoted names
 * @param version        the server's version
 */
public record ConnectedDatabase(IdentifierCase identifierCase, DatabaseVersion version) {

    /** The database behind {@code metadata}, its version as the JDBC driver reports it. */
    public static ConnectedDatabase of(DatabaseMetaData metadata) throws SQLException {
        return new ConnectedDatabase(IdentifierCase.of(metadata), DatabaseVersion.of(metadata));
    }

    /**
     * The database behind {@code connection}, its version as the server gives it to {@code introspector}
     * (MySQL Connector/J's metadata says 5.5 for MariaDB 10.11, the server's {@code VERSION()} 10.11).
     */
    public static ConnectedDatabase of(Connection connection, SchemaIntrospector introspector) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        return new ConnectedDatabase(IdentifierCase.of(metadata),
                DatabaseVersion.of(metadata, introspector.serverVersion(connection)));
    }
}
