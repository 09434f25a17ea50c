package dev.migrate.maven;

import dev.migrate.check.CheckFinding;
import dev.migrate.check.CheckOptions;
import dev.migrate.check.CheckResult;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.maven.JsonReports.CheckReport;
import dev.migrate.lint.FailOn;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintOptions;
import dev.migrate.maven.JsonReports.Finding;
import java.io.File;
import java.io.IOException;
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
     * (see {@code migrate:revision}): {@code spring}, {@code jpa} or a class name. Default: the
     * strategies the application's own configuration names, else {@code spring} when Spring Boot is on
     * the project's class path, else {@code jpa}; set, it wins over the application's.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.namingStrategy")
    protected String namingStrategy;

    /**
     * The Spring profiles whose configuration adds to the application's Hibernate settings when
     * {@code check} compares the entities with the database (see {@code migrate:revision}),
     * comma-separated. Default: those {@code spring.profiles.active} names.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.springProfiles")
    protected String springProfiles;

    @Override
    protected File outputFile() {
        return outputFile;
    }

    @Override
    protected void run(MigrateContext context) throws IOException, MojoFailureException {
        RevisionGraph graph = context.graph();
        FailOn failOn = FailOn.parse(lintFailOn); // a wrong value fails before the database and entities are read
        boolean databaseChecked = context.settings().hasDatabase() && !sql;
        if (databaseChecked && tenantGoal().configured()) {
            TenantCheckGoal.run(context, tenantGoal(), outputFile);
            return;
        }
        LintOptions.Scope scope = lint != null && lint.strip().equalsIgnoreCase("off") ? null
                : LintOptions.Scope.parse(lint == null ? "pending" : lint);
        CheckOptions options = (databaseChecked ? CheckOptions.online() : CheckOptions.offline()).withLint(scope);
        if (databaseChecked) {
            options = options.withModel(() -> ModelComparison.compare(context, namingStrategy, springProfiles,
                    dev.migrate.autogenerate.AutogenerateOptions.defaults(), false));
        } else {
            // Without a database there is nothing pending to tell apart: the lint (unless off) reads every revision.
            String what = scope == null ? "the revision graph only" : "the revision graph, and linting every revision";
            context.log().info(sql ? "Offline (migrate.sql): checking " + what + ", no connection opened."
                    : "No database configured (migrate.url): checking " + what + ".");
        }
        CheckResult result = (databaseChecked ? context.migrator() : context.codeMigrator()).check(options);
        result.problems().forEach(finding -> context.log().error(finding.message()));
        if (result.lintSkipped() != null) {
            context.log().warn(result.lintSkipped());
        }
        for (CheckFinding.Lint lintFinding : result.lint()) {
            LintFinding finding = lintFinding.finding();
            switch (finding.severity()) {
                case ERROR -> context.log().error(finding.line());
                case WARNING -> context.log().warn(finding.line());
                default -> context.log().info(finding.line());
            }
        }
        long problems = result.failing(failOn);
        if (outputFile != null) {
            JsonReports.write(outputFile, new CheckReport("check", problems == 0, databaseChecked,
                    result.findings().stream().map(Finding::of).toList()), context);
        }
        if (problems > 0) {
            throw new MojoFailureException("migrate:check found " + problems
                    + (problems == 1 ? " problem" : " problems") + " (listed above).");
        }
        context.log().info("migrate:check passed: " + graph.revisions().size() + " revisions, one head ("
                + String.join(", ", graph.heads()) + ")" + (databaseChecked ? ", database up to date." : "."));
    }
}
