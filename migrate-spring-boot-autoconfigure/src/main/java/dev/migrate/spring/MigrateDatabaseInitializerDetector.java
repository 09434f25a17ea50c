package dev.migrate.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigrateInitializer} initialises the database, so beans that depend
 * on database initialisation (JPA's EntityManagerFactory, JdbcTemplate, ...) are created after it,
 * as Boot does for Flyway and Liquibase.
 */
public class MigrateDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigrateInitializer.class);
    }
}
