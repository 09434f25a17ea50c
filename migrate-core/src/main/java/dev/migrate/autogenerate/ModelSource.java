package dev.migrate.autogenerate;

/**
 * Reads the schema that a project's model describes (its JPA entities, for example) without a
 * database connection, as the typed operations that would create that schema in an empty one.
 *
 * <p>Autogenerate compares what a source returns with the database and writes the difference as a
 * revision. Implementations live in their own modules (for example {@code migrate-hibernate}, which
 * reads Hibernate ORM's boot metadata) and are found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.migrate.autogenerate.ModelSource} on the project's class path, so the
 * library a project already declares (its Hibernate version) is the one that reads its model.
 */
public interface ModelSource {

    /** What reads the model, for messages: for example {@code Hibernate ORM 6.6.13.Final}. */
    String name();

    /**
     * Whether this source can read a model with these classes: false when the library it needs is
     * not on the project's class path, so the caller can say what is missing instead of failing
     * with a linkage error.
     */
    boolean isAvailable(ClassLoader projectClasses);

    /**
     * The model's schema as operations in an order that runs on an empty schema: sequences, tables
     * (columns, primary key, unique and check constraints), indexes, then foreign keys as
     * {@link dev.migrate.ops.AddConstraint}s.
     *
     * @throws dev.migrate.MigrateException when the model cannot be read, with a message naming the
     *                                      entity or setting at fault
     */
    ModelSchema read(ModelRequest request);
}
