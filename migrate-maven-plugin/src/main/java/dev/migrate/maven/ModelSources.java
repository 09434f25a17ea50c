package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.ModelSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The model readers autogenerate can use, loaded so that they run on the project's own libraries:
 * migrate-hibernate ships with the plugin, but its classes are loaded child-first over the
 * project's class path, so they link against the Hibernate ORM version the project declares (6 or
 * 7), never one of the plugin's. A project may also bring its own {@link ModelSource} on its class
 * path.
 */
final class ModelSources implements AutoCloseable {

    /** The package loaded from migrate-hibernate's jar first, whatever the parent has. */
    static final String HIBERNATE_PACKAGE = "dev.migrate.hibernate.";
    private static final String HIBERNATE_SOURCE = "dev.migrate.hibernate.HibernateModelSource";

    private final URLClassLoader loader;

    private ModelSources(URLClassLoader loader) {
        this.loader = loader;
    }

    /** Model readers over {@code projectClasses}, with the plugin's migrate-hibernate placed next to them. */
    static ModelSources over(ClassLoader projectClasses) {
        List<URL> urls = new ArrayList<>();
        try {
            Class<?> bundled = Class.forName(HIBERNATE_SOURCE, false, ModelSources.class.getClassLoader());
            urls.add(bundled.getProtectionDomain().getCodeSource().getLocation());
        } catch (ClassNotFoundException | LinkageError | SecurityException | NullPointerException notBundled) {
            // A plugin build without migrate-hibernate: only sources on the project's class path count.
        }
        return new ModelSources(new ChildFirst(urls.toArray(URL[]::new), projectClasses));
    }

    /**
     * The first source that can read the project's model; one clear error when none can (Hibernate
     * missing from the project, for the usual case).
     */
    ModelSource available() {
        List<String> unavailable = new ArrayList<>();
        for (ModelSource source : ServiceLoader.load(ModelSource.class, loader)) {
            if (source.isAvailable(loader)) {
                return source;
            }
            unavailable.add(source.getClass().getName());
        }
        throw new MigrateException("Autogenerate reads JPA entities with Hibernate ORM, which is not on the project's"
                + " class path. Add org.hibernate.orm:hibernate-core (6.x or 7.x; Spring Boot's"
                + " spring-boot-starter-data-jpa brings it) to the project's dependencies.");
    }

    /** The class path the sources read with: migrate-hibernate's jar, then the project's class path, in the order they load. */
    List<URL> urls() {
        List<URL> urls = new ArrayList<>(List.of(loader.getURLs()));
        for (ClassLoader parent = loader.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof URLClassLoader project) {
                urls.addAll(List.of(project.getURLs()));
                break;
            }
        }
        return urls;
    }

    /** The loader the sources run in (the project's classes and migrate-hibernate). */
    ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the model reader's class loader", e);
        }
    }

    /** Loads {@value #HIBERNATE_PACKAGE}* from its own jar first; everything else from the project. */
    static final class ChildFirst extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(HIBERNATE_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        type = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}
