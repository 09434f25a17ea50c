package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a merge revision that revises several heads, joining their branches (Alembic's {@code merge}).
 * By default it merges all current heads: {@code mvn compile migrate:merge -Dmigrate.message="merge reporting"}.
 *
 * @since 0.1.0
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class MergeMojo extends AbstractMigrateMojo {

    /**
     * The revisions to merge, comma-separated ids, prefixes or labels; {@code heads} (the default) merges
     * every head. Example: {@code -Dmigrate.target=ae1027a6acf0,27c6a30d7c24}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.target", defaultValue = "heads")
    protected String target;

    /**
     * The merge revision's message; the class is named after it. Default {@code merge <ids>}.
     * Example: {@code -Dmigrate.message="merge reporting into main"}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.message")
    protected String message;

    /**
     * Package of the new class. Default: the package the existing revisions share.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.package")
    protected String packageName;

    @Override
    protected boolean oneDatabaseOnly() {
        return true;
    }

    @Override
    protected void run(MigrateContext context) throws IOException {
        RevisionGraph graph = context.graph();
        List<String> parents = parents(graph);
        String text = message == null || message.isBlank() ? "merge " + String.join(" and ", parents) : message.trim();
        String id = RevisionNaming.newId(graph.revisions());
        NewRevision revision = new NewRevision(RevisionNaming.packageName(packageName, graph.revisions()),
                RevisionNaming.className(text, id), id, parents, List.of(), List.of(), text).inDatabase(context.revisionDatabase());
        Path file = RevisionSourceWriter.write(revision, context.sourceDirectory().toPath());
        context.log().info("Wrote " + context.baseDirectory().toPath().relativize(file) + ": merge revision " + id
                + " revises " + String.join(", ", parents) + ". Run `mvn compile migrate:upgrade` to apply it.");
    }

    private List<String> parents(RevisionGraph graph) {
        String wanted = target == null || target.isBlank() ? "heads" : target.trim();
        List<String> parents = "heads".equals(wanted)
                ? List.copyOf(graph.heads())
                : Arrays.stream(wanted.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(reference -> graph.revision(reference).id()).distinct().toList();
        if (parents.size() < 2) {
            throw new MigrateException("Nothing to merge: " + ("heads".equals(wanted)
                    ? "the code has a single head (" + String.join(", ", graph.heads()) + ")."
                    : "migrate.target names only " + String.join(", ", parents) + "; give two or more revisions."));
        }
        return parents;
    }
}
