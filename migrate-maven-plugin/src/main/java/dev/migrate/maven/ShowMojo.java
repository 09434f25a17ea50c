package dev.migrate.maven;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.Target;
import dev.migrate.graph.TargetException;
import dev.migrate.graph.TargetParser;
import dev.migrate.maven.JsonReports.RevisionJson;
import dev.migrate.maven.JsonReports.ShowReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows a revision: parents, children, branch labels, depends_on, class and message (Alembic's {@code show});
 * {@code heads} shows every head.
 *
 * @since 0.1.0
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class ShowMojo extends AbstractQueryMojo {

    /**
     * The revision to show: an id, a unique prefix, a branch label, {@code head} (the default,
     * when there is one head), or {@code heads} / {@code label@heads} for all of them.
     * Example: {@code -Dmigrate.target=ae10}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.target", defaultValue = "head")
    protected String target;

    @Override
    protected void run(MigrateContext context) throws IOException {
        RevisionGraph graph = context.graph();
        List<RevisionDescriptor> revisions = resolveAll(graph);
        RevisionText text = new RevisionText(graph, List.of());
        List<RevisionJson> json = new ArrayList<>();
        for (RevisionDescriptor revision : revisions) {
            text.details(revision).forEach(context.log()::info);
            json.add(RevisionJson.of(graph, revision, List.of(), false));
        }
        if (outputFile != null) {
            JsonReports.write(outputFile, new ShowReport("show", json.get(0), json), context);
        }
    }

    /** {@code heads} and {@code label@heads} show every head, as Alembic's {@code show heads} does. */
    private List<RevisionDescriptor> resolveAll(RevisionGraph graph) {
        if (!(TargetParser.parse(target) instanceof Target.Heads)) {
            return List.of(resolve(graph));
        }
        List<RevisionDescriptor> heads = graph.resolve(target.trim()).stream()
                .map(id -> graph.find(id).orElseThrow()).toList();
        if (heads.isEmpty()) {
            throw new TargetException("migrate.target '" + target.trim() + "' names no revision: there are no heads."
                    + " Write a revision first (mvn migrate:revision).");
        }
        return heads;
    }

    private RevisionDescriptor resolve(RevisionGraph graph) {
        if (!"head".equals(target.trim())) {
            return graph.revision(target.trim());
        }
        if (graph.heads().size() != 1) {
            throw new TargetException("migrate.target is 'head' but there are " + graph.heads().size() + " heads ("
                    + String.join(", ", graph.heads()) + "). Name one with -Dmigrate.target=<id>.");
        }
        return graph.find(graph.heads().iterator().next()).orElseThrow();
    }
}
