package dev.migrate.autogenerate;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * How a database stores an identifier written without quotes, as its JDBC driver reports it:
 * PostgreSQL folds to lower case, H2 to upper case unless its URL says {@code DATABASE_TO_LOWER=TRUE}
 * (then lower) or {@code DATABASE_TO_UPPER=FALSE} (as written), MariaDB and MySQL keep it as written.
 * A model reader needs it to name tables and columns as the database will, since a model's names
 * (JPA's {@code @Table(name = "tickets")}) are unquoted.
 */
public enum IdentifierCase {
    LOWER, UPPER, AS_WRITTEN;

    /** What the database behind {@code metadata} does with an unquoted identifier. */
    public static IdentifierCase of(DatabaseMetaData metadata) throws SQLException {
        if (metadata.storesLowerCaseIdentifiers()) {
            return LOWER;
        }
        return metadata.storesUpperCaseIdentifiers() ? UPPER : AS_WRITTEN;
    }

    /** {@code name} as the database stores it when written unquoted. */
    public String fold(String name) {
        return switch (this) {
            case LOWER -> name.toLowerCase(Locale.ROOT);
            case UPPER -> name.toUpperCase(Locale.ROOT);
            case AS_WRITTEN -> name;
        };
    }
}
