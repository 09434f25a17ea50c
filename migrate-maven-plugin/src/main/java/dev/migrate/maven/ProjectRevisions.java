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
    private List<IndexedRevision> revisions;

    private ProjectRevisions(URLClassLoader loader, File outputDirectory) {
        this.loader = loader;
        this.outputDirectory = outputDirectory;
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

    /** Every indexed revision, possibly none (for {@code revision} on a project without revisions yet). */
    List<IndexedRevision> all() {
        if (revisions == null) {
            revisions = RevisionIndexLoader.load(loader);
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
        return "The revision index in " + outputDirectory + " lists no revisions. Run `mvn clean compile` to"
                + " regenerate it.";
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the project class loader", e);
        }
    }
}
