package dev.migrate.spring;

import dev.migrate.Migrator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.core.io.ResourceLoader;

/**
 * Brings the application's database to head at start-up with migrate: with a {@link DataSource}
 * in the context (or one qualified {@link MigrateDataSource}), a {@link Migrator} over the
 * application's revision index and a {@link MigrateInitializer} that runs before anything that
 * initialises from the database. Several instances starting at once serialize on migrate's run
 * lock; those that waited find the database at head and start. With {@code migrate.tenants} or
 * {@code migrate.tenant-query}, each tenant schema instead, each on its own lock.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass(Migrator.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "migrate", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class MigrateAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Migrator migrator(ObjectProvider<DataSource> dataSources,
            @MigrateDataSource ObjectProvider<DataSource> migrateDataSource, MigrateProperties properties,
            ResourceLoader resourceLoader) {
        DataSource dataSource = migrateDataSource.getIfAvailable(dataSources::getObject);
        return Migrator.builder()
                .dataSource(dataSource)
                // The application's loader: its generated revision index is found there, no scanning.
                .classLoader(resourceLoader.getClassLoader())
                .schema(properties.getSchema())
                .versionTable(properties.getVersionTable())
                .lockTimeout(properties.getLockTimeout())
                .ddlLockTimeout(properties.getDdlLockTimeout())
                .singleTransaction(properties.isSingleTransaction())
                .listener(new MigrateLogListener())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public MigrateInitializer migrateInitializer(Migrator migrator, ObjectProvider<MigrateStrategy> strategy,
            MigrateProperties properties) {
        return new MigrateInitializer(migrator, strategy.getIfAvailable(() -> MigrateInitializer.forMode(properties)));
    }

    /** The actuator endpoint, when the application has actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MigrateEndpoint migrateEndpoint(Migrator migrator, MigrateProperties properties) {
            return new MigrateEndpoint(migrator, properties);
        }
    }
}
