package dev.migrate.hibernate;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.ApplicationSettings;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;

/**
 * Builds Hibernate's boot metadata for the project's entities without touching a database: the
 * dialect is named explicitly and JDBC metadata access is switched off, so Hibernate never asks for
 * a connection.
 */
final class MetadataReader {

    /** How migrate-processor lists a package whose package-info carries mapping annotations. */
    private static final String PACKAGE_INFO = ".package-info";

    private MetadataReader() {
    }

    /**
     * Where Hibernate logs inside Maven: java.util.logging (the project's jboss-logging finds no other
     * back end there). Its start-up lines (its version; "Database info" of a database it never
     * connects to; a note that the dialect migrate sets need not be set) tell a user of autogenerate
     * nothing, so while the entities are read only its warnings about the mapping (and errors) pass.
     */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    private static final Logger HIBERNATE_DEPRECATIONS = Logger.getLogger("org.hibernate.orm.deprecation");

    static Metadata read(ModelRequest request) {
        Level hibernate = HIBERNATE_LOG.getLevel();
        Level deprecations = HIBERNATE_DEPRECATIONS.getLevel();
        HIBERNATE_LOG.setLevel(Level.WARNING);
        HIBERNATE_DEPRECATIONS.setLevel(Level.SEVERE);
        try {
            return readQuietly(request);
        } finally {
            HIBERNATE_LOG.setLevel(hibernate);
            HIBERNATE_DEPRECATIONS.setLevel(deprecations);
        }
    }

    private static Metadata readQuietly(ModelRequest request) {
        ClassLoader loader = request.classLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
            StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap);
            // The application's own settings first, so that those migrate must own (below) win.
            ApplicationSettingsFilter.forMetadata(request.settings()).forEach(settings::applySetting);
            if (request.schema() != null && !request.settings().values().containsKey("hibernate.default_schema")) {
                settings.applySetting("hibernate.default_schema", request.schema());
            }
            settings.applySetting("hibernate.dialect", dialect(request.database()))
                    // Hibernate 6.5+ and 7: never open a connection to read the database's metadata.
                    .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                    // Hibernate 6.0-6.4 spell the same switch this way.
                    .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false")
                    .applySetting("hibernate.hbm2ddl.auto", "none");
            // hibernate.validator.apply_to_ddl keeps Hibernate's default (true) unless the application's
            // settings turn it off: with a Bean Validation provider on the project's class path
            // (spring-boot-starter-validation), the application's own schema export makes @NotNull
            // columns not null, @Size a length, @Min/@Max a check and @Digits a precision, so the model must too.
            if (request.databaseVersion() != null) {
                // The version the application's own start-up reads from its connection: some types
                // depend on it (a UUID is uuid on MariaDB 10.7 and later, binary(16) before).
                settings.applySetting("jakarta.persistence.database-major-version", request.databaseVersion().major())
                        .applySetting("jakarta.persistence.database-minor-version", request.databaseVersion().minor())
                        .applySetting("jakarta.persistence.database-product-version", request.databaseVersion().product());
            }
            StandardServiceRegistry registry = settings.build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                for (String name : request.entityClasses()) {
                    if (name.endsWith(PACKAGE_INFO)) {
                        // A package's own annotations (a generator its entities name), as Spring Boot's scan adds it.
                        load(loader, name);
                        sources.addPackage(name.substring(0, name.length() - PACKAGE_INFO.length()));
                    } else {
                        sources.addAnnotatedClass(load(loader, name));
                    }
                }
                MetadataBuilder builder = sources.getMetadataBuilder();
                // A strategy the application's settings name wins over migrate.namingStrategy's default
                // (the plugin leaves it out when migrate.namingStrategy is set).
                builder.applyPhysicalNamingStrategy(configured(request.settings(), ApplicationSettings.PHYSICAL_NAMING,
                        PhysicalNamingStrategy.class, loader, physical(request.namingStrategy(), loader)));
                builder.applyImplicitNamingStrategy(configured(request.settings(), ApplicationSettings.IMPLICIT_NAMING,
                        ImplicitNamingStrategy.class, loader, implicit(request.namingStrategy(), loader)));
                Metadata metadata = builder.build();
                // What the session factory's start-up changes in the mapping, which the export then writes.
                ValueGenerators.create(metadata, registry);
                BeanValidationConstraints.apply(metadata,
                        registry.requireService(ConfigurationService.class).getSettings(), loader);
                return inExportOrder(metadata);
            } catch (RuntimeException e) {
                StandardServiceRegistryBuilder.destroy(registry);
                if (e instanceof MigrateException) {
                    throw e;
                }
                throw new MigrateException("Hibernate could not read the entities: " + reason(e)
                        + ". Fix the mapping it names" + (request.settings().isEmpty() ? ""
                        : " or the setting (read from " + String.join(", ", request.settings().files()) + ")")
                        + " (the same error would stop the application at start-up).", e);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Hibernate's message on one line, and the first cause's where Hibernate leaves it out: "Unable
     * to load class [X]" says nothing of the static initializer that threw, "due to: null" nothing of
     * the converter's constructor.
     */
    static String reason(Throwable failure) {
        String reason = oneLine(failure.getMessage());
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        if (root != failure) {
            String rootMessage = root.getMessage() == null ? null : oneLine(root.getMessage());
            if (rootMessage == null || !reason.contains(rootMessage)) {
                reason += " (because of " + root.getClass().getSimpleName() + (rootMessage == null ? "" : ": " + rootMessage) + ")";
            }
        }
        return reason;
    }

    private static String oneLine(String text) {
        return text == null ? "no detail" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * {@code metadata} with its columns in the order Hibernate's own schema export writes them: the
     * export first sorts each table's columns, each composite primary key's columns (an
     * {@code @IdClass} key of {@code building, number} becomes {@code (number, building)}) and
     * the foreign keys that reference such a key, which the metadata alone does not.
     */
    private static Metadata inExportOrder(Metadata metadata) {
        if (metadata instanceof MetadataImplementor implementor) {
            implementor.orderColumns(true);
        }
        return metadata;
    }

    /**
     * Where Hibernate's export places a table or sequence the mapping gives no schema: the
     * application's {@code hibernate.default_schema} (on MariaDB and MySQL {@code default_catalog},
     * a database there) when its settings name one, else the compared schema.
     */
    static String defaultPlacement(ModelRequest request) {
        boolean mysqlFamily = request.database().equalsIgnoreCase("mariadb") || request.database().equalsIgnoreCase("mysql");
        String applications = request.settings().values().get(mysqlFamily ? "hibernate.default_catalog" : "hibernate.default_schema");
        return applications == null || applications.isBlank() ? request.schema() : applications.trim();
    }

    /** Hibernate's dialect class for the database a dialect provider names. */
    static String dialect(String database) {
        return switch (database.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> "org.hibernate.dialect.PostgreSQLDialect";
            case "h2" -> "org.hibernate.dialect.H2Dialect";
            case "mariadb" -> "org.hibernate.dialect.MariaDBDialect";
            case "mysql" -> "org.hibernate.dialect.MySQLDialect";
            default -> throw new MigrateException("Autogenerate cannot read entities for the database '" + database
                    + "': Hibernate's dialect for it is not known to migrate. Use PostgreSQL, H2, MariaDB or MySQL.");
        };
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrateException("The entity class " + name + " is listed but cannot be loaded (" + e
                    + "). Run mvn compile so target/classes matches the sources.", e);
        }
    }

    private static PhysicalNamingStrategy physical(String strategy, ClassLoader loader) {
        return switch (strategy) {
            case "spring" -> new CamelCaseToUnderscoresNamingStrategy();
            case "jpa" -> PhysicalNamingStrategyStandardImpl.INSTANCE;
            default -> custom(strategy, loader, PhysicalNamingStrategy.class, PhysicalNamingStrategyStandardImpl.INSTANCE);
        };
    }

    private static ImplicitNamingStrategy implicit(String strategy, ClassLoader loader) {
        return switch (strategy) {
            case "spring" -> new SpringImplicitNamingStrategy();
            case "jpa" -> ImplicitNamingStrategyJpaCompliantImpl.INSTANCE;
            default -> custom(strategy, loader, ImplicitNamingStrategy.class, ImplicitNamingStrategyJpaCompliantImpl.INSTANCE);
        };
    }

    /**
     * The naming strategy the application's {@code setting} names ({@code hibernate.physical_naming_strategy}
     * or {@code hibernate.implicit_naming_strategy}, from Spring Boot's
     * {@code spring.jpa.hibernate.naming.*} for one), else {@code otherwise}.
     */
    private static <T> T configured(ModelSettings settings, String setting, Class<T> kind, ClassLoader loader,
                                    T otherwise) {
        String className = settings.values().get(setting);
        if (className == null || className.isBlank()) {
            return otherwise;
        }
        if (kind == ImplicitNamingStrategy.class) {
            // Hibernate's short names for its own implicit strategies.
            switch (className.trim()) {
                case "default", "jpa" -> {
                    return kind.cast(ImplicitNamingStrategyJpaCompliantImpl.INSTANCE);
                }
                case "legacy-jpa" -> {
                    return kind.cast(new org.hibernate.boot.model.naming.ImplicitNamingStrategyLegacyJpaImpl());
                }
                case "legacy-hbm" -> {
                    return kind.cast(new org.hibernate.boot.model.naming.ImplicitNamingStrategyLegacyHbmImpl());
                }
                case "component-path" -> {
                    return kind.cast(new org.hibernate.boot.model.naming.ImplicitNamingStrategyComponentPathImpl());
                }
                default -> {
                }
            }
        }
        Class<?> type;
        try {
            type = Class.forName(className.trim(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrateException(settings.origin(setting) + " names " + className.trim() + ", which is not a"
                    + " class on the project's class path. Fix the class name (the application could not start with"
                    + " it either).");
        }
        if (!kind.isAssignableFrom(type)) {
            throw new MigrateException(settings.origin(setting) + " names " + className.trim() + ", which does not"
                    + " implement " + kind.getName() + ".");
        }
        return kind.cast(instantiate(settings.origin(setting) + " names " + className.trim(), type,
                " (the application could not start with it either)"));
    }

    /**
     * A naming strategy class of the project's: applies where it implements the physical or the
     * implicit interface (or both), Hibernate's default elsewhere.
     */
    private static <T> T custom(String className, ClassLoader loader, Class<T> kind, T fallback) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrateException("migrate.namingStrategy is '" + className + "', which is neither spring, jpa nor a"
                    + " class on the project's class path. Use spring (Spring Boot's naming), jpa (Hibernate's"
                    + " defaults) or the fully qualified name of a naming strategy class.");
        }
        if (!kind.isAssignableFrom(type)) {
            if (!PhysicalNamingStrategy.class.isAssignableFrom(type) && !ImplicitNamingStrategy.class.isAssignableFrom(type)) {
                throw new MigrateException("migrate.namingStrategy names " + className + ", which implements neither"
                        + " PhysicalNamingStrategy nor ImplicitNamingStrategy.");
            }
            return fallback;
        }
        return kind.cast(instantiate("migrate.namingStrategy names " + className, type, ""));
    }

    /**
     * A new instance of a naming strategy class, as Hibernate makes one: by its public no-argument
     * constructor. Each way that fails is one line saying which, since the class is the user's own.
     */
    private static Object instantiate(String named, Class<?> type, String alsoTheApplication) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new MigrateException(named + ", which is abstract. Name a concrete class with a public no-argument"
                    + " constructor" + alsoTheApplication + ".");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new MigrateException(named + ", which has no public no-argument constructor. Give it one"
                    + alsoTheApplication + ".");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MigrateException(named + ", whose constructor failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip().replaceAll("\\s*\\R\\s*", " "))
                    + ". Fix the constructor" + alsoTheApplication + ".", cause);
        } catch (ReflectiveOperationException e) {
            throw new MigrateException(named + ", which migrate cannot create (" + e.getClass().getSimpleName()
                    + "). Make it a public class with a public no-argument constructor" + alsoTheApplication + ".", e);
        }
    }
}
