package dev.migrate.hibernate;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.generator.GeneratorCreationContext;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.GeneratorCreator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Value;
import org.hibernate.service.ServiceRegistry;

/**
 * The attributes' value generators, created as the session factory creates them at start-up, for
 * what creating one changes in the mapping: Hibernate 7's {@code @CreationTimestamp},
 * {@code @UpdateTimestamp} and {@code @CurrentTimestamp} make their column not null then, so the
 * schema export of the application writes {@code not null} where the mapping alone does not
 * (Hibernate 6 leaves the column nullable, and so does this on 6). Reading the model never
 * starts a session factory, which would cost the time of a {@code validate} run; this creates
 * only the generators and drops them.
 */
final class ValueGenerators {

    private ValueGenerators() {
    }

    static void create(Metadata metadata, ServiceRegistry registry) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            List<Property> properties = new ArrayList<>();
            entity.getPropertyClosure().forEach(property -> collect(property, properties));
            for (Property property : properties) {
                GeneratorCreator creator = property.getValueGeneratorCreator();
                if (creator != null) {
                    try {
                        creator.createGenerator(new Context(metadata.getDatabase(), registry, entity, property));
                    } catch (RuntimeException needsTheSessionFactory) {
                        // A generator of the project's own that wants more than the boot model offers: it
                        // changes the mapping only at run time, if at all, so the mapping is read as it is.
                    }
                }
            }
        }
    }

    /** {@code property} and, inside an embedded value, the properties it is made of (their generators too). */
    private static void collect(Property property, List<Property> into) {
        into.add(property);
        if (property.getValue() instanceof Component component) {
            component.getProperties().forEach(part -> collect(part, into));
        }
    }

    /** What the session factory's own context gives a generator, from the boot model. */
    private record Context(Database database, ServiceRegistry registry, PersistentClass entity, Property property)
            implements GeneratorCreationContext {

        @Override
        public Database getDatabase() {
            return database;
        }

        @Override
        public ServiceRegistry getServiceRegistry() {
            return registry;
        }

        @Override
        public String getDefaultCatalog() {
            return setting("hibernate.default_catalog");
        }

        @Override
        public String getDefaultSchema() {
            return setting("hibernate.default_schema");
        }

        private String setting(String name) {
            Object value = registry.requireService(ConfigurationService.class).getSettings().get(name);
            return value == null ? null : value.toString();
        }

        @Override
        public PersistentClass getPersistentClass() {
            return entity;
        }

        @Override
        public RootClass getRootClass() {
            return entity.getRootClass();
        }

        @Override
        public Property getProperty() {
            return property;
        }

        @Override
        public Value getValue() {
            return property.getValue();
        }
    }
}
