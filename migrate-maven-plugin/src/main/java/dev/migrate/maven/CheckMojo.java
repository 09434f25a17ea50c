package dev.migrate.maven;

import dev.migrate.ChangedRevision;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.maven.JsonReports.CheckReport;
import dev.migrate.maven.JsonReports.Finding;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * A CI gate: logs every problem it finds, then fails once with a summary. It checks that the code
 * has a single head and, with a database configured, that the database is neither behind the code
 * (pending revisions) nor at a revision the code does not know, and that no applied revision was
 * edited afterwards (its rendered SQL no longer matches the checksum in the history table). Without {@code migrate.url} it
 * checks the revision graph only.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class CheckMojo extends AbstractMigrateMojo {

    /**
     * Also write the findings as JSON to this file (schema in JSON.md), written before the build fails.
     * Default: none. Example: {@code -Dmigrate.outputFile=target/check.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.outputFile")
    protected File outputFile;

    /**
     * How entity names become table names when {@code check} compares the entities with the database
     * (see {@code migrate:revision}): {@code spring}, {@code jpa} or a class name. Default: {@code spring}
     * when Spring Boot is on the project's class path, else {@code jpa}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.namingStrategy")
    protected String namingStrategy;

    @Override
    protected void run(MigrateContext context) throws IOException, MojoFailureException {
        RevisionGraph graph = context.graph();
        List<Finding> findings = new ArrayList<>(graphFindings(graph));
        boolean databaseChecked = context.settings().hasDatabase();
        if (databaseChecked) {
            findings.addAll(databaseFindings(graph, context.migrator().current()));
            findings.addAll(checksumFindings(context.migrator().changedRevisions()));
            if (findings.isEmpty()) { // the model is compared with a database at head only
                findings.addAll(ModelComparison.driftFindings(context, namingStrategy));
            }
        } else {
            context.log().info("No database configured (migrate.url): checked the revision graph only.");
        }
        findings.forEach(finding -> context.log().error(finding.message()));
        if (outputFile != null) {
            JsonReports.write(outputFile, new CheckReport("check", findings.isEmpty(), databaseChecked, findings),
                    context.log());
        }
        if (!findings.isEmpty()) {
            throw new MojoFailureException("migrate:check found " + findings.size()
                    + (findings.size() == 1 ? " problem" : " problems") + " (listed above).");
        }
        context.log().info("migrate:check passed: " + graph.revisions().size() + " revisions, one head ("
                + String.join(", ", graph.heads()) + ")" + (databaseChecked ? ", database up to date." : "."));
    }

    private static List<Finding> graphFindings(RevisionGraph graph) {
        if (graph.heads().size() <= 1) {
            return List.of();
        }
        List<String> heads = List.copyOf(graph.heads());
        return List.of(new Finding("MULTIPLE_HEADS", "The code has " + heads.size() + " heads: "
                + String.join(", ", heads) + ". Join them with `mvn migrate:merge -Dmigrate.message=\"merge heads\"`.",
                heads));
    }

    private static List<Finding> databaseFindings(RevisionGraph graph, List<String> current) {
        List<String> unknown = current.stream().filter(id -> graph.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return List.of(new Finding("UNKNOWN_REVISION", "The database is at " + String.join(", ", unknown)
                    + ", which the code does not know. Merge the branch that added it, or stamp the database.", unknown));
        }
        List<String> pending = graph.upgradePlan(current, "heads").steps().stream()
                .map(PlanStep::revision).map(revision -> revision.id()).toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding("PENDING", "The database is behind the code: " + pending.size()
                + (pending.size() == 1 ? " pending revision: " : " pending revisions: ") + String.join(", ", pending)
                + ". Run `mvn compile migrate:upgrade`.", pending));
    }

    private static List<Finding> checksumFindings(List<ChangedRevision> changed) {
        return changed.stream().map(revision -> new Finding("CHANGED_CHECKSUM", "Revision " + revision.id() + " ("
                + revision.className() + ") was changed after it was applied here on " + revision.appliedAt()
                + ": its SQL no longer matches the checksum recorded then. Restore the revision as it was and put"
                + " the change into a new revision (`mvn migrate:revision`).", List.of(revision.id()))).toList();
    }
}
