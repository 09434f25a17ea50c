package dev.migrate.autogenerate;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ModelSource} needs to read a project's model.
 *
 * @param classLoader    loads the project's compiled classes and its dependencies
 * @param entityClasses  fully qualified names of the model's classes (the {@code @Entity} and
 *                       auto-applied {@code @Converter} classes the annotation processor listed, and
 *                       annotated packages as {@code <package>.package-info}), in a stable order
 * @param database       the database the schema is for, as the dialect provider names it
 *                       ({@code postgresql}, {@code h2}, {@code mariadb}, {@code mysql}), so that
 *                       types come out as that database spells them
 * @param namingStrategy {@code spring}, {@code jpa} or the class name of a naming strategy
 * @param schema         the schema the tables live in, or null for the connection's default
 * @param identifierCase how the database stores unquoted names (H2 with {@code DATABASE_TO_LOWER=TRUE}
 *                       folds to lower case, not upper), or null for the database's usual folding
 * @param databaseVersion the server's version, or null for the oldest version the reader supports
 *                       (types that need a newer server, such as MariaDB's {@code uuid}, then differ)
 * @param settings       the application's own settings for the reader ({@link ApplicationSettings}); a
 *                       naming strategy among them wins over {@code namingStrategy}
 */
public record ModelRequest(ClassLoader classLoader, List<String> entityClasses, String database, String namingStrategy,
                           String schema, IdentifierCase identifierCase, DatabaseVersion databaseVersion,
                           ModelSettings settings) {

    public ModelRequest {
        Objects.requireNonNull(classLoader, "classLoader");
        entityClasses = List.copyOf(entityClasses);
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(namingStrategy, "namingStrategy");
        settings = settings == null ? ModelSettings.none() : settings;
    }

    /** A request without the application's settings. */
    public ModelRequest(ClassLoader classLoader, List<String> entityClasses, String database, String namingStrategy,
                        String schema, IdentifierCase identifierCase, DatabaseVersion databaseVersion) {
        this(classLoader, entityClasses, database, namingStrategy, schema, identifierCase, databaseVersion,
                ModelSettings.none());
    }

    /** A request for the database's usual folding of unquoted names. */
    public ModelRequest(ClassLoader classLoader, List<String> entityClasses, String database, String namingStrategy,
                        String schema) {
        this(classLoader, entityClasses, database, namingStrategy, schema, null, null);
    }

    /** This request for a database that stores unquoted names the way {@code folding} says. */
    public ModelRequest withIdentifierCase(IdentifierCase folding) {
        return new ModelRequest(classLoader, entityClasses, database, namingStrategy, schema, folding, databaseVersion,
                settings);
    }

    /** This request read with the application's own {@code settings}. */
    public ModelRequest withSettings(ModelSettings settings) {
        return new ModelRequest(classLoader, entityClasses, database, namingStrategy, schema, identifierCase,
                databaseVersion, settings);
    }

    /** This request for the database as it is once open: its folding of unquoted names and its version. */
    public ModelRequest forDatabase(ConnectedDatabase connected) {
        return new ModelRequest(classLoader, entityClasses, database, namingStrategy, schema, connected.identifierCase(),
                connected.version(), settings);
    }
}
