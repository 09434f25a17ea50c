package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ModelSourcesTest {

    @Test
    void withoutHibernateOnTheProjectClassPathTheUserIsToldWhatToAdd() throws Exception {
        // The plugin brings migrate-hibernate but never Hibernate itself, as this test class path shows.
        try (URLClassLoader project = new URLClassLoader(new URL[0], getClass().getClassLoader());
                ModelSources sources = ModelSources.over(project)) {
            MigrateException e = assertThrows(MigrateException.class, sources::available);
            assertEquals("Autogenerate reads JPA entities with Hibernate ORM, which is not on the project's class path."
                    + " Add org.hibernate.orm:hibernate-core (6.x or 7.x; Spring Boot's spring-boot-starter-data-jpa"
                    + " brings it) to the project's dependencies.", e.getMessage());
        }
    }

    @Test
    void migrateHibernateIsLoadedFromItsOwnJarFirst() throws Exception {
        try (URLClassLoader project = new URLClassLoader(new URL[0], getClass().getClassLoader());
                ModelSources sources = ModelSources.over(project)) {
            Class<?> reader = Class.forName("dev.migrate.hibernate.HibernateModelSource", false, sources.loader());
            assertTrue(reader.getClassLoader() == sources.loader(), "child-first: " + reader.getClassLoader());
            Class<?> api = Class.forName("dev.migrate.autogenerate.ModelSource", false, sources.loader());
            assertTrue(api == dev.migrate.autogenerate.ModelSource.class, "the SPI is the plugin's own");
        }
    }
}
