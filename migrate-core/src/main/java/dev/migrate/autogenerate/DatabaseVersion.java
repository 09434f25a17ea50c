package dev.migrate.autogenerate;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the database server a model is read for. A model reader needs it where the
 * model's types depend on it as the application's own start-up would see them: Hibernate maps a
 * {@code UUID} to {@code uuid} on MariaDB 10.7 and later, to {@code binary(16)} before.
 *
 * @param major   the major version ({@code 10} for MariaDB 10.11.19)
 * @param minor   the minor version ({@code 11})
 * @param product the full product version text ({@code 10.11.19-MariaDB}), which carries the rest
 */
public record DatabaseVersion(int major, int minor, String product) {

    /** The {@code major.minor} a version text starts with. */
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

    public DatabaseVersion {
        Objects.requireNonNull(product, "product");
    }

    /** The version of the database behind {@code metadata}, as its JDBC driver reports it. */
    public static DatabaseVersion of(DatabaseMetaData metadata) throws SQLException {
        return new DatabaseVersion(metadata.getDatabaseMajorVersion(), metadata.getDatabaseMinorVersion(),
                metadata.getDatabaseProductVersion());
    }

    /**
     * The version the server itself gives as {@code server} (from the dialect's
     * {@link dev.migrate.dialect.SchemaIntrospector#serverVersion}): its leading {@code major.minor},
     * else the driver's numbers. A driver may report another version than the server's own: MySQL
     * Connector/J says 5.5 for MariaDB 10.11.
     */
    public static DatabaseVersion of(DatabaseMetaData metadata, String server) throws SQLException {
        Matcher matcher = MAJOR_MINOR.matcher(server);
        if (matcher.lookingAt()) {
            return new DatabaseVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), server);
        }
        return new DatabaseVersion(metadata.getDatabaseMajorVersion(), metadata.getDatabaseMinorVersion(), server);
    }
}
