package dev.migrate.maven;

import dev.migrate.ChangedRevision;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.maven.JsonReports.CheckReport;
import dev.migrate.lint.FailOn;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintOptions;
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
 * checks the revision graph only. It also lints revisions for unsafe operations (docs/LINT.md):
 * {@code migrate.lint}, {@code migrate.lint.failOn}.
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
     * Which revisions to lint for unsafe operations (docs/LINT.md): {@code pending} (those the
     * database has not applied; every revision when no database is configured or with
     * {@code migrate.sql}), {@code all}, or {@code off}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.lint", defaultValue = "pending")
    protected String lint;

    /**
     * Which lint findings fail the build: {@code error} (default), {@code warning} or {@code never}.
     * Info findings never do.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.lint.failOn", defaultValue = "error")
    protected String lintFailOn;

    /**
     * Offline: open no connection, check the graph and lint every revision.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.sql", defaultValue = "false")
    protected boolean sql;

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
        boolean databaseChecked = context.settings().hasDatabase() && !sql;
        if (databaseChecked) {
            findings.addAll(databaseFindings(graph, context.migrator().current()));
            findings.addAll(checksumFindings(context.migrator().changedRevisions()));
            if (findings.isEmpty()) { // the model is compared with a database at head only
                findings.addAll(ModelComparison.driftFindings(context, namingStrategy));
            }
        } else {
            context.log().info(sql ? "Offline (migrate.sql): checked the revision graph only, no connection opened."
                    : "No database configured (migrate.url): checked the revision graph only.");
        }
        findings.forEach(finding -> context.log().error(finding.message()));
        FailOn failOn = FailOn.parse(lintFailOn);
        List<LintFinding> lintFindings = lint(context, databaseChecked,
                findings.stream().anyMatch(f -> f.kind().equals("UNKNOWN_REVISION")));
        long failingLint = lintFindings.stream().filter(failOn::fails).count();
        long problems = findings.size() + failingLint;
        lintFindings.forEach(finding -> findings.add(Finding.lint(finding)));
        if (outputFile != null) {
            JsonReports.write(outputFile, new CheckReport("check", problems == 0, databaseChecked, findings),
                    context.log());
        }
        if (problems > 0) {
            throw new MojoFailureException("migrate:check found " + problems
                    + (problems == 1 ? " problem" : " problems") + " (listed above).");
        }
        context.log().info("migrate:check passed: " + graph.revisions().size() + " revisions, one head ("
                + String.join(", ", graph.heads()) + ")" + (databaseChecked ? ", database up to date." : "."));
    }

    /** Lints and logs each finding at its severity's level; online the pending revisions, offline all. */
    private List<LintFinding> lint(MigrateContext context, boolean online, boolean unknownRevision) {
        if (lint != null && lint.strip().equalsIgnoreCase("off")) {
            return List.of();
        }
        LintOptions.Scope scope = LintOptions.Scope.parse(lint == null ? "pending" : lint);
        if (online && unknownRevision && scope == LintOptions.Scope.PENDING) {
            context.log().warn("Lint skipped: the database is at a revision the code does not know, so the pending"
                    + " revisions are unknown; lint them all with -Dmigrate.lint=all.");
            return List.of();
        }
        List<LintFinding> findings = online ? context.migrator().lint(new LintOptions(scope))
                : context.codeMigrator().lint(LintOptions.all());
        for (LintFinding finding : findings) {
            switch (finding.severity()) {
                case ERROR -> context.log().error(finding.line());
                case WARNING -> context.log().warn(finding.line());
                default -> context.log().info(finding.line());
            }
        }
        return findings;
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
