package dev.migrate.maven;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionPlacement;
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
public class MergeMojo extends AbstractRevisionWriterMojo {

    /**
     * The revisions to merge, comma-separated ids, prefixes or labels; {@code heads} (the default) merges
     * every head. Example: {@code -Dmigrate.target=ae1027a6acf0,27c6a30d7c24}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.target", defaultValue = "heads")
    protected String target;

    @Override
    protected void run(MigrateContext context) throws IOException {
        RevisionTemplate revisionTemplate = revisionTemplate(context);
        RevisionGraph graph = context.graph();
        String wanted = target == null || target.isBlank() ? "heads" : target.trim();
        List<String> parents = fromSetting("migrate.target", () -> RevisionPlacement.in(graph).mergeParents(
                Arrays.stream(wanted.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()));
        String text = message == null || message.isBlank() ? "merge " + String.join(" and ", parents) : message.trim();
        String id = RevisionNaming.newId(graph.revisions());
        NewRevision revision = new NewRevision(RevisionNaming.packageName(packageName, graph.revisions(), groupId()),
                RevisionNaming.className(text, id), id, parents, List.of(), List.of(), text).inDatabase(context.revisionDatabase());
        Path file = write(context, revision, null, revisionTemplate);
        context.log().info("Wrote " + context.baseDirectory().toPath().relativize(file) + ": merge revision " + id
                + " revises " + String.join(", ", parents) + ". Run `mvn compile migrate:upgrade` to apply it.");
    }
}
