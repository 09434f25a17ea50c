package dev.migrate.hibernate;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.ModelSource;
import org.hibernate.boot.Metadata;

/**
 * Reads a project's JPA entities with the project's own Hibernate ORM (6.x or 7.x): builds
 * Hibernate's boot {@link Metadata} from the entity classes without a database connection, with
 * the dialect of the target database, and turns its tables, sequences, indexes and constraints into
 * migrate operations ({@link MetadataOperations}).
 *
 * <p>Registered for {@link java.util.ServiceLoader} as a {@link ModelSource}; the Maven plugin finds
 * it on the project's class path.
 */
public final class HibernateModelSource implements ModelSource {

    private static final String HIBERNATE_VERSION = "org.hibernate.Version";

    @Override
    public String name() {
        try {
            return "Hibernate ORM " + org.hibernate.Version.getVersionString();
        } catch (LinkageError missing) {
            return "Hibernate ORM (not on the class path)";
        }
    }

    @Override
    public boolean isAvailable(ClassLoader projectClasses) {
        try {
            Class.forName(HIBERNATE_VERSION, false, projectClasses);
            Class.forName("jakarta.persistence.Entity", false, projectClasses);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public ModelSchema read(ModelRequest request) {
        if (request.entityClasses().isEmpty()) {
            throw new MigrateException("No entity classes to read: the project lists no @Entity class. Annotate the"
                    + " entities with @jakarta.persistence.Entity and run mvn compile with migrate-processor.");
        }
        Metadata metadata = MetadataReader.read(request);
        return new ModelSchema(name(), MetadataOperations.of(metadata, MetadataReader.defaultPlacement(request),
                request.identifierCase(), request.database()));
    }
}
