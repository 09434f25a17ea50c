package dev.migrate.spring;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.graph.Plan;
import dev.migrate.graph.TargetException;
import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the start-up migration when the context creates it. Spring Boot's database-initialisation
 * ordering ({@link MigrateDatabaseInitializerDetector}) makes the EntityManagerFactory, JdbcTemplate
 * and every other bean that initialises from the database wait for this one, so
 * {@code spring.jpa.hibernate.ddl-auto=validate} sees the migrated schema on the first start.
 */
public class MigrateInitializer implements InitializingBean {

    private final Migrator migrator;
    private final MigrateStrategy strategy;

    public MigrateInitializer(Migrator migrator, MigrateStrategy strategy) {
        this.migrator = migrator;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(migrator);
    }

    /**
     * The strategy {@code migrate.mode} chooses: for the data source's schema, or with
     * {@code migrate.tenants} / {@code migrate.tenant-query} for each tenant instead.
     */
    static MigrateStrategy forMode(MigrateProperties properties) {
        MigrateStrategy strategy = chosen(properties);
        String target = properties.getTarget();
        return migrator -> {
            try {
                strategy.migrate(migrator);
            } catch (TargetException e) {
                // The resolver knows the text, not where it came from: the application's property.
                throw e.getMessage().contains("migrate.target") ? e
                        : new MigrateException("migrate.target is '" + target + "': " + e.getMessage(), e);
            }
        };
    }

    private static MigrateStrategy chosen(MigrateProperties properties) {
        MigrateTenants tenants = new MigrateTenants(properties);
        if (tenants.configured()) {
            return switch (properties.getMode()) {
                case UPGRADE -> tenants::upgrade;
                case VALIDATE -> tenants::validate;
                case NONE -> migrator -> { };
            };
        }
        return switch (properties.getMode()) {
            case UPGRADE -> migrator -> {
                warnWhenNoRevisions(migrator);
                EditedRevisions.check(migrator.changedRevisions(), properties.isValidateOnUpgrade());
                migrator.upgrade(properties.getTarget());
            };
            case VALIDATE -> migrator -> {
                warnWhenNoRevisions(migrator);
                validate(migrator, properties.getTarget());
            };
            case NONE -> migrator -> { };
        };
    }

    static final String NO_REVISIONS = "migrate found no revisions on the application's class path, so it migrated"
            + " nothing: no revision index was generated. Compile the @Revision classes with migrate-processor as the"
            + " compiler's annotation processor (maven-compiler-plugin's annotationProcessorPaths), or set"
            + " migrate.enabled=false.";

    /**
     * An application whose revisions were compiled without the processor has no index, and would
     * otherwise start silently on an empty schema (then fail in Hibernate's validate, far from the cause).
     */
    private static void warnWhenNoRevisions(Migrator migrator) {
        if (migrator.graph().revisions().isEmpty()) {
            LogFactory.getLog("dev.migrate").warn(NO_REVISIONS);
        }
    }

    /** Fails when the history is broken, an applied revision was edited, or revisions are pending. */
    static void validate(Migrator migrator, String target) {
        migrator.graph();
        EditedRevisions.requireNone(migrator.changedRevisions());
        Plan pending = migrator.upgradePlan(target);
        if (!pending.steps().isEmpty()) {
            List<String> ids = pending.steps().stream().map(step -> step.revision().id()).toList();
            throw new MigrateException("migrate.mode=validate: the database is at " + describe(pending.headsBefore())
                    + " and " + ids.size() + (ids.size() == 1 ? " revision is" : " revisions are") + " pending: "
                    + String.join(", ", ids) + ". Upgrade it (migrate.mode=upgrade, or mvn migrate:upgrade) before"
                    + " starting the application.");
        }
    }

    private static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
