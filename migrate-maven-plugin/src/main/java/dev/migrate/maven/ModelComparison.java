package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.ApplicationSettings;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.ModelInputs;
import dev.migrate.autogenerate.ModelReadCache;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.ModelSettings;
import dev.migrate.autogenerate.ModelSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Autogenerate from Maven: reads the entities the processor listed in the project's output
 * directory, has a {@link ModelSource} read their schema, and compares it with the database at
 * {@code migrate.url} through {@code Migrator.autogenerate}.
 */
final class ModelComparison {

    /**
     * Where migrate-processor lists the project's {@code @Entity} and auto-applied {@code @Converter}
     * classes and its annotated packages ({@code <package>.package-info}), one per line.
     */
    static final String ENTITY_LIST = "META-INF/migrate/entities.list";

    private ModelComparison() {
    }

    /** The listed entity class names, in file order; empty when the file is missing or lists none. */
    static List<String> entityClasses(File outputDirectory) {
        File list = new File(outputDirectory, ENTITY_LIST);
        if (!list.isFile()) {
            return List.of();
        }
        try {
            return names(Files.readAllLines(list.toPath()).stream()).distinct().toList();
        } catch (IOException e) {
            throw new MigrateException("Cannot read " + list + ": " + e.getMessage() + ". Run mvn clean compile.", e);
        }
    }

    /** The names a list file holds, one per line: blank lines and {@code #} comments left out. */
    private static java.util.stream.Stream<String> names(java.util.stream.Stream<String> lines) {
        return lines.map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"));
    }

    /**
     * The lists in the project's dependencies ({@value #ENTITY_LIST} in their jars or output
     * directories), in class-path order, without the project's own.
     */
    static List<String> dependencyEntityClasses(ClassLoader projectClasses, File outputDirectory) {
        File own = new File(outputDirectory, ENTITY_LIST).getAbsoluteFile();
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        try {
            for (java.net.URL list : java.util.Collections.list(projectClasses.getResources(ENTITY_LIST))) {
                if (list.getProtocol().equals("file") && new File(list.toURI()).getAbsoluteFile().equals(own)) {
                    continue;
                }
                try (java.io.InputStream in = list.openStream()) {
                    names(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()).forEach(names::add);
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new MigrateException("Cannot read the entity lists of the project's dependencies: " + e.getMessage()
                    + ". Run mvn clean compile.", e);
        }
        return List.copyOf(names);
    }

    /** {@code file} relative to the project's directory when inside it (target/classes/...), else as is. */
    private static String shown(MigrateContext context, File file) {
        Path path = file.toPath().toAbsolutePath();
        File baseDirectory = context.baseDirectory();
        Path base = baseDirectory == null ? null : baseDirectory.toPath().toAbsolutePath();
        return (base != null && path.startsWith(base) ? base.relativize(path) : path).toString()
                .replace(File.separatorChar, '/');
    }

    /** The database name a {@link ModelRequest} carries, from the JDBC URL. */
    static String database(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        for (String database : List.of("postgresql", "h2", "mariadb", "mysql")) {
            if (lower.startsWith("jdbc:" + database + ":")) {
                return database;
            }
        }
        throw new MigrateException("Autogenerate supports PostgreSQL, H2, MariaDB and MySQL; migrate.url starts with "
                + (url == null ? "nothing" : url.split(":").length > 1 ? "jdbc:" + url.split(":")[1] : url)
                + ". Point migrate.url at one of those.");
    }

    /** {@code migrate.namingStrategy} as set, else {@code spring} with Spring Boot on the class path, else {@code jpa}. */
    static String namingStrategy(String configured, ClassLoader projectClasses) {
        if (configured != null && !configured.isBlank()) {
            String strategy = configured.trim();
            // The two words in any case (-Dmigrate.namingStrategy=JPA); a class name as written.
            return strategy.equalsIgnoreCase("spring") || strategy.equalsIgnoreCase("jpa")
                    ? strategy.toLowerCase(java.util.Locale.ROOT) : strategy;
        }
        return projectClasses.getResource("org/springframework/boot/SpringApplication.class") != null ? "spring" : "jpa";
    }

    /** The naming strategy for the log: the application's own where its settings name them. */
    private static String naming(String naming, ModelSettings settings) {
        String physical = settings.values().get(ApplicationSettings.PHYSICAL_NAMING);
        String implicit = settings.values().get(ApplicationSettings.IMPLICIT_NAMING);
        if (physical == null && implicit == null) {
            return naming;
        }
        return (physical == null ? naming + "'s physical" : "physical " + physical)
                + ", " + (implicit == null ? naming + "'s implicit" : "implicit " + implicit) + ", from the application's settings";
    }

    /**
     * The application's own Hibernate settings ({@link ApplicationSettings}): Spring Boot's
     * configuration or its {@code persistence.xml}. A naming strategy named there wins over the
     * default {@code migrate.namingStrategy} (as the application uses it), but not over one set
     * explicitly: then the application's strategies are left out.
     */
    static ModelSettings applicationSettings(String namingStrategy, String springProfiles, ClassLoader projectClasses) {
        List<String> profiles = springProfiles == null ? List.of() : List.of(springProfiles.split(",", -1));
        ModelSettings settings = ApplicationSettings.of(projectClasses, profiles);
        if (namingStrategy != null && !namingStrategy.isBlank()) {
            return settings.without(List.of(ApplicationSettings.PHYSICAL_NAMING, ApplicationSettings.IMPLICIT_NAMING));
        }
        return settings;
    }

    /**
     * Compares the project's entities with the database; empty when the project lists no entity
     * and {@code required} is false ({@code check} then has no model to compare).
     */
    static Optional<AutogenerateResult> compare(MigrateContext context, String namingStrategy, AutogenerateOptions options,
                                                boolean required) {
        return compare(context, namingStrategy, null, options, required);
    }

    /**
     * As above, with the application's Hibernate settings read for the Spring profiles
     * {@code springProfiles} names (comma-separated; null or empty: those its
     * {@code spring.profiles.active} names).
     */
    static Optional<AutogenerateResult> compare(MigrateContext context, String namingStrategy, String springProfiles,
                                                AutogenerateOptions options, boolean required) {
        List<String> own = entityClasses(context.outputDirectory());
        // The revisions' module holds no entity: those of the modules it depends on (a domain module
        // compiled with migrate-processor), as an application's scan finds them in its dependencies.
        List<String> entities = own.isEmpty()
                ? dependencyEntityClasses(context.revisions().loader(), context.outputDirectory()) : own;
        if (own.isEmpty() && !entities.isEmpty()) {
            context.log().info("The project lists no entity of its own: read the entity lists of its dependencies ("
                    + entities.size() + " classes).");
        }
        if (entities.isEmpty()) {
            if (!required) {
                return Optional.empty();
            }
            File list = new File(context.outputDirectory(), ENTITY_LIST);
            throw new MigrateException("Autogenerate found no @Entity class: " + shown(context, list) + ", which"
                    + " migrate-processor writes at compile time, is missing or empty. Annotate the JPA entities with"
                    + " @jakarta.persistence.Entity and compile with dev.migrate:migrate-processor in the compiler's"
                    + " annotationProcessorPaths.");
        }
        StaleClasses.checkModel(context.sourceRoots(), context.outputDirectory());
        ClassLoader projectClasses = context.revisions().loader();
        String url = context.settings().url();
        String database = database(url);
        try (ModelSources sources = ModelSources.over(projectClasses)) {
            ModelSource source;
            try {
                source = sources.available();
            } catch (MigrateException noReader) {
                if (required) {
                    throw noReader;
                }
                context.log().debug("No model reader on the class path, so no model comparison: " + noReader.getMessage());
                return Optional.empty();
            }
            String naming = namingStrategy(namingStrategy, projectClasses);
            ModelSettings settings = applicationSettings(namingStrategy, springProfiles, projectClasses);
            if (!settings.isEmpty()) {
                context.log().info("Hibernate settings of the application read from " + String.join(", ", settings.files())
                        + ": " + String.join(", ", settings.values().keySet()));
            }
            ModelRequest request = new ModelRequest(sources.loader(), entities, database, naming, context.settings().schema())
                    .withSettings(settings);
            // Read once the database is open: its folding of unquoted names decides the model's names,
            // its version the types that depend on it (MariaDB's uuid).
            ModelReadCache reads = new ModelReadCache(modelCache(context));
            return Optional.of(context.autogenerateMigrator().autogenerate(connected -> {
                ModelRequest forDatabase = request.forDatabase(connected);
                ModelInputs inputs = inputs(context, sources, source, forDatabase);
                ModelReadCache.Read read = inputs == null ? new ModelReadCache.Read(source.read(forDatabase), false)
                        : reads.read(inputs, () -> source.read(forDatabase));
                context.log().info("Read " + entities.size() + " entit" + (entities.size() == 1 ? "y" : "ies") + " with "
                        + read.model().source() + " (naming strategy " + naming(naming, settings) + ")"
                        + (read.remembered() ? "; the project's classes, class path and settings are unchanged since"
                        + " the last run, so the model is the one remembered in " + shown(context, modelCache(context).toFile())
                        : ""));
                return read.model();
            }, options.withModelCache(modelCache(context))));
        }
    }

    /**
     * What decides the model {@code source} reads for {@code request}: the request, the reader, and
     * every entry of the class path it reads with (the project's classes by content). The project's
     * revisions and their index are left out, as no entity can depend on them: writing and
     * compiling the revision autogenerate suggested does not make the next run read the entities again.
     * Null when a class path entry cannot be read: then the model is read without the cache.
     */
    private static ModelInputs inputs(MigrateContext context, ModelSources sources, ModelSource source, ModelRequest request) {
        ModelInputs.Builder inputs = ModelInputs.of(request).value("reader", source.getClass().getName() + " " + source.name());
        Set<String> revisionClasses = new HashSet<>(indexClasses(context.outputDirectory()));
        context.revisions().everyRevision().forEach(revision -> revisionClasses.add(revision.descriptor().origin()));
        Predicate<String> skipped = path -> path.equals(ProjectRevisions.INDEX_SERVICE) || isClassOf(path, revisionClasses);
        for (URL url : sources.urls()) {
            try {
                inputs.classPath(Path.of(url.toURI()), skipped);
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                inputs.value("class path", url.toString());
            } catch (UncheckedIOException unreadable) {
                context.log().debug("The model is read without its cache: " + unreadable.getMessage());
                return null;
            }
        }
        return inputs.build();
    }

    /** Whether {@code path}, relative to a class path directory, is the class file of one of {@code types} or of a class nested in one. */
    private static boolean isClassOf(String path, Set<String> types) {
        if (!path.endsWith(".class")) {
            return false;
        }
        String type = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        int nested = type.indexOf('$');
        return types.contains(nested < 0 ? type : type.substring(0, nested));
    }

    /** The classes the revision index service names (the generated index), from the project's output directory. */
    private static List<String> indexClasses(File outputDirectory) {
        File service = new File(outputDirectory, ProjectRevisions.INDEX_SERVICE);
        if (!service.isFile()) {
            return List.of();
        }
        try {
            return names(Files.readAllLines(service.toPath()).stream()).toList();
        } catch (IOException e) {
            return List.of(); // then hashed like any other file: the model is only read again
        }
    }

    /**
     * Where the model's snapshot is remembered between runs: under {@code target/}, so {@code mvn clean}
     * empties it, and a model that did not change is not built in a scratch schema again.
     */
    private static Path modelCache(MigrateContext context) {
        return new File(context.buildDirectory(), "migrate").toPath();
    }

    /**
     * {@code check}'s {@code MODEL_DRIFT} finding when the project lists entities, a model reader is
     * on its class path, and they differ from the database; none otherwise.
     */
    static List<JsonReports.Finding> driftFindings(MigrateContext context, String namingStrategy) {
        Optional<AutogenerateResult> result = compare(context, namingStrategy, null, AutogenerateOptions.defaults(), false);
        if (result.isEmpty() || result.get().isEmpty()) {
            return List.of();
        }
        return List.of(JsonReports.Finding.of(new dev.migrate.check.CheckFinding.ModelDrift(
                result.get().changes().stream().map(dev.migrate.autogenerate.Change::describe).toList())));
    }
}
