package dev.migrate.maven;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.maven.JsonReports.HeadsReport;
import dev.migrate.maven.JsonReports.RevisionJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists the head revisions (those nothing revises) of the code, without a database (Alembic's {@code heads}).
 * More than one head means unmerged branches: {@code migrate:merge} joins them.
 *
 * @since 0.1.0
 */
@Mojo(name = "heads", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class HeadsMojo extends AbstractQueryMojo {

    /**
     * Print every field of each head. Default {@code false}. Example: {@code -Dmigrate.verbose}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    @Override
    protected void run(MigrateContext context) throws IOException {
        RevisionGraph graph = context.graph();
        RevisionText text = new RevisionText(graph, List.of());
        List<RevisionJson> json = new ArrayList<>();
        for (String id : graph.heads()) {
            RevisionDescriptor head = graph.find(id).orElseThrow();
            json.add(RevisionJson.of(graph, head, List.of(), false));
            if (verbose) {
                text.details(head).forEach(context.log()::info);
            } else {
                context.log().info(text.shortLine(head));
            }
        }
        if (outputFile != null) {
            JsonReports.write(outputFile, new HeadsReport("heads", json), context);
        }
    }
}
