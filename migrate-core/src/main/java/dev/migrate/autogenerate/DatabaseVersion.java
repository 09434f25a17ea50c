package dev.migrate.autogenerate;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The version of the database server a model is read for, as its JDBC driver reports it. A model
 * reader needs it where the model's types depend on it as the application's own start-up would
 * see them: Hibernate maps a {@code UUID} to {@code uuid} on MariaDB 10.7 and later, to
 * {@code binary(16)} before.
 *
 * @param major   the major version ({@code 10} for MariaDB 10.11.19)
 * @param minor   the minor version ({@code 11})
 * @param product the full product version text ({@code 10.11.19-MariaDB}), which carries the rest
 */
public record DatabaseVersion(int major, int minor, String product) {

    public DatabaseVersion {
        Objects.requireNonNull(product, "product");
    }

    /** The version of the database behind {@code metadata}. */
    public static DatabaseVersion of(DatabaseMetaData metadata) throws SQLException {
        return new DatabaseVersion(metadata.getDatabaseMajorVersion(), metadata.getDatabaseMinorVersion(),
                metadata.getDatabaseProductVersion());
    }
}
