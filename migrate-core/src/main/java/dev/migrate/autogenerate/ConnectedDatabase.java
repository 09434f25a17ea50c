package dev.migrate.autogenerate;

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

    /** The database behind {@code metadata}. */
    public static ConnectedDatabase of(DatabaseMetaData metadata) throws SQLException {
        return new ConnectedDatabase(IdentifierCase.of(metadata), DatabaseVersion.of(metadata));
    }
}
