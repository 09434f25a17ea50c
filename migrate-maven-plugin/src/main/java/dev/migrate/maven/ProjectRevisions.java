package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndex;
import dev.migrate.index.RevisionIndexLoader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's revisions, loaded from the generated revision index through a class loader over
 * the project's runtime class path. The plugin's own loader is the parent, so
 * {@code dev.migrate.Migration} is one class on both sides and the plugin's JDBC drivers are
 * visible; the plugin realm itself is never changed.
 */
final class ProjectRevisions implements AutoCloseable {

    /** The service file the processor writes next to the classes. */
    static final String INDEX_SERVICE = "META-INF/services/" + RevisionIndex.class.getName();

    private final URLClassLoader loader;
    private final File outputDirectory;
    private final String database; // "" with defaultDatabase: the default database's history
    private final boolean defaultDatabase;
    private final boolean ownsLoader;
    private List<IndexedRevision> revisions;
    private List<IndexedRevision> everyRevision;

    private ProjectRevisions(URLClassLoader loader, File outputDirectory) {
        this(loader, outputDirectory, "", true, true);
    }

    private ProjectRevisions(URLClassLoader loader, File outputDirectory, String database, boolean defaultDatabase,
            boolean ownsLoader) {
        this.loader = loader;
        this.outputDirectory = outputDirectory;
        this.database = database;
        this.defaultDatabase = defaultDatabase;
        this.ownsLoader = ownsLoader;
    }

    /**
     * The revisions of one database's history (those naming it; for the default database, the first
     * configured, also those naming none), over the same class loader.
     */
    ProjectRevisions forDatabase(String name, boolean isDefault) {
        return new ProjectRevisions(loader, outputDirectory, name, isDefault, false);
    }

    /** A loader over {@code classpath} (target/classes first, then the runtime dependencies). */
    static ProjectRevisions open(List<String> classpath, File outputDirectory, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String element : classpath) {
            try {
                urls.add(new File(element).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MigrateException("The class path entry " + element + " is not a valid path.", e);
            }
        }
        return new ProjectRevisions(new URLClassLoader(urls.toArray(URL[]::new), parent), outputDirectory);
    }

    /** The loader revisions and JDBC drivers come from. */
    ClassLoader loader() {
        return loader;
    }

    /** The database whose history this is ("" for the default one of a single-URL configuration). */
    String database() {
        return database;
    }

    /** Whether this is the default database's history (it takes the revisions that name no database). */
    boolean isDefaultDatabase() {
        return defaultDatabase;
    }

    /** Every indexed revision of every database. */
    List<IndexedRevision> everyRevision() {
        if (everyRevision == null) {
            everyRevision = RevisionIndexLoader.load(loader);
        }
        return everyRevision;
    }

    /** The indexed revisions of this database's history, possibly none (for {@code revision} on a project without revisions yet). */
    List<IndexedRevision> all() {
        if (revisions == null) {
            revisions = everyRevision().stream().filter(r -> r.descriptor().belongsTo(database, defaultDatabase)).toList();
        }
        return revisions;
    }

    /** Every indexed revision; throws a message telling the user to compile when there is none. */
    List<IndexedRevision> required() {
        List<IndexedRevision> found = all();
        if (found.isEmpty()) {
            throw new MigrateException(missingIndexMessage());
        }
        return found;
    }

    /** The graph of the indexed revisions (empty list allowed only through {@link #all()}). */
    RevisionGraph graph() {
        return RevisionGraph.of(required().stream().map(IndexedRevision::descriptor).toList());
    }

    /** The descriptors of every indexed revision, possibly none. */
    List<RevisionDescriptor> descriptors() {
        return all().stream().map(IndexedRevision::descriptor).toList();
    }

    private String missingIndexMessage() {
        if (!outputDirectory.isDirectory()) {
            return "No compiled classes in " + outputDirectory + ", so no revision index. Run `mvn compile` first,"
                    + " e.g. `mvn compile migrate:upgrade`.";
        }
        if (!new File(outputDirectory, INDEX_SERVICE).isFile()) {
            return "No revision index in " + outputDirectory + " (" + INDEX_SERVICE + " is missing) nor on the"
                    + " project's class path. Run `mvn compile` first, with dev.migrate:migrate-processor in the"
                    + " maven-compiler-plugin's <annotationProcessorPaths>, and annotate revisions with @Revision.";
        }
        if (!database.isEmpty() && !everyRevision().isEmpty()) {
            // The index is fine: its revisions are the other databases'.
            return "No revision belongs to database '" + database + "' (none says database = \"" + database + "\"), so it"
                    + " has no history yet. Write its first with `mvn migrate:revision -Dmigrate.database=" + database
                    + " -Dmigrate.message=\"...\"`, or choose another database with -Dmigrate.database=NAME.";
        }
        return "The revision index in " + outputDirectory + " lists no revisions. Run `mvn clean compile` to"
                + " regenerate it.";
    }

    @Override
    public void close() {
        if (!ownsLoader) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the project class loader", e);
        }
    }
}
