package dev.migrate.hibernate;

import dev.migrate.MigrateException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.internal.MetadataImpl;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.PersistentClass;

/**
 * The Bean Validation constraints an application's own Hibernate turns into DDL, applied to the
 * model the same way. With a Bean Validation provider on the class path (Spring Boot's
 * spring-boot-starter-validation brings Hibernate Validator), Hibernate's schema export makes a
 * {@code @NotNull} column not null, {@code @Size(max)} its length, {@code @Min}/{@code @Max} a
 * check and {@code @Digits} its precision: it does so when the session factory starts, which
 * reading the model never does, so this calls the very code Hibernate calls then
 * ({@code TypeSafeActivator.applyRelationalConstraints}, the same in 6.x and 7.x).
 *
 * <p>Reflection throughout: jakarta.validation is the project's optional dependency, not this
 * module's. As in Hibernate's default validation mode ({@code AUTO}), no API or no provider (or
 * one that cannot start, such as Hibernate Validator without an expression language) means no
 * constraints; {@code jakarta.persistence.validation.mode=none} or
 * {@code hibernate.validator.apply_to_ddl=false} among the settings turns it off.
 */
final class BeanValidationConstraints {

    private static final String VALIDATION = "jakarta.validation.Validation";
    private static final String VALIDATOR_FACTORY = "jakarta.validation.ValidatorFactory";
    private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

    private BeanValidationConstraints() {
    }

    /**
     * @param settings the settings Hibernate was started with (validation mode, groups)
     * @param loader   the project's classes, where a Bean Validation provider would be
     */
    static void apply(Metadata metadata, Map<String, Object> settings, ClassLoader loader) {
        if (!applies(settings)) {
            return;
        }
        Object factory;
        Class<?> factoryType;
        try {
            Class<?> validation = Class.forName(VALIDATION, true, loader);
            factoryType = Class.forName(VALIDATOR_FACTORY, true, loader);
            factory = validation.getMethod("buildDefaultValidatorFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException noProvider) {
            return; // Hibernate's AUTO mode: no usable provider, no constraints in the DDL either.
        }
        try {
            Class<?> activator = Class.forName(ACTIVATOR, true, Metadata.class.getClassLoader());
            Method applyRelationalConstraints = activator.getMethod("applyRelationalConstraints", factoryType,
                    Collection.class, Map.class, Dialect.class, ClassLoaderAccess.class);
            // A package-private class (Hibernate calls it from its own package): reached as Hibernate's integrator reaches it.
            applyRelationalConstraints.setAccessible(true);
            Collection<PersistentClass> entities = metadata.getEntityBindings();
            Dialect dialect = metadata.getDatabase().getDialect();
            ClassLoaderAccess classLoaderAccess = ((MetadataImpl) metadata).getBootstrapContext().getClassLoaderAccess();
            applyRelationalConstraints.invoke(null, factory, entities, settings, dialect, classLoaderAccess);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MigrateException("Autogenerate cannot apply the Bean Validation constraints (@NotNull, @Size, ...)"
                    + " to the model as Hibernate's schema export does: Hibernate's TypeSafeActivator.applyRelationalConstraints"
                    + " is not where Hibernate 6 and 7 keep it (" + e + "): this Hibernate"
                    + " version is not one migrate reads.", e);
        } finally {
            close(factory);
        }
    }

    /** Hibernate's own switches: the validation mode ({@code none}, {@code callback} leave DDL alone) and apply_to_ddl. */
    private static boolean applies(Map<String, Object> settings) {
        Object applyToDdl = settings.get("hibernate.validator.apply_to_ddl");
        if (applyToDdl != null && !Boolean.parseBoolean(applyToDdl.toString().trim())) {
            return false;
        }
        Object mode = settings.getOrDefault("jakarta.persistence.validation.mode",
                settings.get("javax.persistence.validation.mode"));
        if (mode == null) {
            return true;
        }
        String modes = mode.toString().toLowerCase(Locale.ROOT);
        return modes.contains("auto") || modes.contains("ddl");
    }

    private static void close(Object factory) {
        try {
            factory.getClass().getMethod("close").invoke(factory);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // Closing only frees the provider's caches; the constraints are applied already.
        }
    }
}
