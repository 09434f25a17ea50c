package dev.migrate.maven;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.maven.JsonReports.BranchesReport;
import dev.migrate.maven.JsonReports.RevisionJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists the branch points (revisions two or more revisions revise) with their children, without a
 * database (Alembic's {@code branches}).
 *
 * @since 0.1.0
 */
@Mojo(name = "branches", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class BranchesMojo extends AbstractQueryMojo {

    @Override
    protected void run(MigrateContext context) throws IOException {
        RevisionGraph graph = context.graph();
        RevisionText text = new RevisionText(graph, List.of());
        List<RevisionJson> json = new ArrayList<>();
        if (graph.branchPoints().isEmpty()) {
            context.log().info("No branch points: the revisions form a single line.");
        }
        for (String id : graph.branchPoints()) {
            RevisionDescriptor point = graph.find(id).orElseThrow();
            json.add(RevisionJson.of(graph, point, List.of(), false));
            context.log().info(text.shortLine(point));
            for (String child : graph.children(id)) {
                context.log().info("    -> " + text.shortLine(graph.find(child).orElseThrow()));
            }
        }
        if (outputFile != null) {
            JsonReports.write(outputFile, new BranchesReport("branches", json), context);
        }
    }
}
