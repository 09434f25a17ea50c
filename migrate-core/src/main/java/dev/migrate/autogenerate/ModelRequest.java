package dev.migrate.autogenerate;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ModelSource} needs to read a project's model.
 *
 * @param classLoader    loads the project's compiled classes and its dependencies
 * @param entityClasses  fully qualified names of the model's classes (the {@code @Entity} classes
 *                       the annotation processor listed), in a stable order
 * @param database       the database the schema is for, as the dialect provider names it
 *                       ({@code postgresql}, {@code h2}, {@code mariadb}, {@code mysql}), so that
 *                       types come out as that database spells them
 * @param namingStrategy {@code spring}, {@code jpa} or the class name of a naming strategy
 * @param schema         the schema the tables live in, or null for the connection's default
 */
public record ModelRequest(ClassLoader classLoader, List<String> entityClasses, String database, String namingStrategy,
                           String schema) {

    public ModelRequest {
        Objects.requireNonNull(classLoader, "classLoader");
        entityClasses = List.copyOf(entityClasses);
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(namingStrategy, "namingStrategy");
    }
}
