package dev.migrate.maven;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.TargetException;
import dev.migrate.maven.JsonReports.RevisionJson;
import dev.migrate.maven.JsonReports.ShowReport;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows one revision: parents, children, branch labels, depends_on, class and message (Alembic's {@code show}).
 *
 * @since 0.1.0
 */
@Mojo(name = "show", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class ShowMojo extends AbstractMigrateMojo {

    /**
     * The revision to show: an id, a unique prefix, a branch label, or {@code head} (the default,
     * when there is one head). Example: {@code -Dmigrate.target=ae10}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.target", defaultValue = "head")
    protected String target;

    /**
     * Also write the result as JSON to this file (schema in JSON.md). Default: none.
     * Example: {@code -Dmigrate.outputFile=target/show.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.outputFile")
    protected File outputFile;

    @Override
    protected void run(MigrateContext context) throws IOException {
        RevisionGraph graph = context.graph();
        RevisionDescriptor revision = resolve(graph);
        new RevisionText(graph, List.of()).details(revision).forEach(context.log()::info);
        if (outputFile != null) {
            JsonReports.write(outputFile,
                    new ShowReport("show", RevisionJson.of(graph, revision, List.of(), false)), context.log());
        }
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
