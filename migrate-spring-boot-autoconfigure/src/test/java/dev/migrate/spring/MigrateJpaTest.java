package dev.migrate.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Migrator;
import dev.migrate.spring.jpa.JpaTestApplication;
import dev.migrate.spring.jpa.Ticket;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Spring Boot's own Hibernate JPA auto-configuration with {@code spring.jpa.hibernate.ddl-auto=validate}:
 * the EntityManagerFactory validates the entities against a schema that only migrate creates, so it
 * starts only when migrate ran first. On H2 and PostgreSQL.
 */
class MigrateJpaTest {

    /** Boot 4 keeps Hibernate's auto-configuration in spring-boot-hibernate, Boot 3 in spring-boot-autoconfigure. */
    private static final Class<?> HIBERNATE_JPA_AUTO_CONFIGURATION = firstPresent(
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration");

    private static ApplicationContextRunner jpaApplication(String url) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class, HIBERNATE_JPA_AUTO_CONFIGURATION))
                .withUserConfiguration(JpaTestApplication.class)
                .withBean(DataSource.class, () -> new DriverManagerDataSource(url))
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");
    }

    @Test
    void hibernateValidatesTheSchemaMigrateCreatedOnH2() {
        startsAndStoresATicket(jpaApplication(h2()));
    }

    @Test
    void withoutMigrateHibernateFindsNoTableToValidate() {
        // The control: the same application with migrate switched off does not start, so the test
        // above passes only because migrate ran before the EntityManagerFactory.
        jpaApplication(h2()).withPropertyValues("migrate.enabled=false").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            assertTrue(messages(failure).contains("missing table [ticket]"), messages(failure));
        });
    }

    @Test
    void hibernateValidatesTheSchemaMigrateCreatedOnPostgres() throws SQLException {
        String server = System.getenv("MIGRATE_TEST_POSTGRES_URL");
        if (server == null || server.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("MIGRATE_TEST_POSTGRES_URL is not set; CI needs PostgreSQL");
            }
            Assumptions.abort("MIGRATE_TEST_POSTGRES_URL is not set");
        }
        String name = "boot_jpa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try {
            startsAndStoresATicket(jpaApplication(server.replaceFirst("/([^/?]+)(\\?|$)", "/" + name + "$2")));
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // The test's result matters more than the clean-up.
            }
        }
    }

    private static void startsAndStoresATicket(ApplicationContextRunner application) {
        application.run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertEquals(List.of("b2"), context.getBean(Migrator.class).current());
            String[] dependsOn = context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn();
            assertTrue(dependsOn != null && List.of(dependsOn).contains("migrateInitializer"),
                    "entityManagerFactory depends on " + (dependsOn == null ? "nothing" : List.of(dependsOn)));
            // The validated mapping works against the migrated table.
            EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
            try {
                entityManager.getTransaction().begin();
                entityManager.persist(new Ticket("Printer on fire", "open"));
                entityManager.getTransaction().commit();
                List<Ticket> tickets = entityManager.createQuery("select t from Ticket t", Ticket.class).getResultList();
                assertEquals(List.of("Printer on fire"), tickets.stream().map(Ticket::getTitle).toList());
            } finally {
                entityManager.close();
            }
        });
    }

    private static String h2() {
        return "jdbc:h2:mem:boot_jpa_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static Class<?> firstPresent(String... names) {
        for (String name : names) {
            try {
                return Class.forName(name, false, MigrateJpaTest.class.getClassLoader());
            } catch (ClassNotFoundException notThisLine) {
                // try the next Spring Boot line's name
            }
        }
        throw new IllegalStateException("none of " + List.of(names) + " on the test class path");
    }
}
