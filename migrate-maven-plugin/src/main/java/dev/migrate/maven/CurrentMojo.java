package dev.migrate.maven;

import dev.migrate.dialect.MaskedUrl;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.maven.JsonReports.CurrentReport;
import dev.migrate.maven.JsonReports.RevisionJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows the revisions the database is at (the version table's rows), marking heads (Alembic's
 * {@code current}); fails, as Alembic does, when a row names a revision the code does not know.
 *
 * @since 0.1.0
 */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class CurrentMojo extends AbstractQueryMojo {

    /**
     * Print every field of each current revision (parents, labels, class, message). Default {@code false}.
     * Example: {@code -Dmigrate.verbose}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    @Override
    protected void run(MigrateContext context) throws IOException, org.apache.maven.plugin.MojoFailureException {
        if (tenantGoal().configured()) {
            RevisionGraph graph = context.graph();
            java.util.function.ToIntFunction<List<String>> behind = current -> TenantGoal.behind(graph, current);
            java.util.Map<String, List<String>> unknown = new java.util.TreeMap<>();
            tenantGoal().run(context, "current", (migrator, tenants, run) -> migrator.currentTenants(tenants, run), outcome -> {
                int pending = behind.applyAsInt(outcome.after());
                if (pending < 0) {
                    List<String> rows = graph.unknown(outcome.after());
                    unknown.put(outcome.tenant().name(), rows);
                    return "at " + RunResultLog.heads(outcome.after()) + " (" + String.join(", ", rows)
                            + ": a revision the code does not know)";
                }
                return "at " + RunResultLog.heads(outcome.after())
                        + (pending == 0 ? " (head)" : " (" + pending + (pending == 1 ? " revision" : " revisions") + " behind)");
            }, report -> {
                if (outputFile != null) {
                    JsonReports.write(outputFile, JsonReports.TenantsReport.of("current", report, behind), context);
                }
            });
            if (!unknown.isEmpty()) {
                // As current on one database (and Alembic's current): a row the code cannot locate fails.
                throw new dev.migrate.MigrateException(unknown.size() + (unknown.size() == 1 ? " tenant is" : " tenants are")
                        + " at a revision the code does not know: " + unknown.entrySet().stream()
                                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                                .collect(java.util.stream.Collectors.joining(", "))
                        + (unknown.size() == 1 ? ". Its database was" : ". Their databases were")
                        + " upgraded by newer code or the revision was deleted: build the project"
                        + " that contains it, or stamp each such tenant on its own (its schema in migrate.schema, or its"
                        + " URL) with migrate.purge=true.");
            }
            return;
        }
        List<String> current = context.migrator().current();
        RevisionGraph graph = context.graph();
        // Every line here is a current revision; "(current)" would only repeat it.
        RevisionText text = new RevisionText(graph, List.of());
        String database = MaskedUrl.mask(context.settings().url());
        if (current.isEmpty()) {
            String schema = context.settings().schema();
            // A typo in migrate.schema reads as an empty database; name the schema so it shows.
            context.log().info("Current revision of " + database + ": base (no revision applied"
                    + (schema == null ? "" : " in schema '" + schema + "' (migrate.schema)") + ").");
        }
        java.util.Map<String, String> redundant = graph.redundantRows(current);
        if (!redundant.isEmpty()) {
            context.log().warn(dev.migrate.MigrationEvent.RedundantVersionRows.describeRows(redundant)
                    + ". `mvn migrate:upgrade` deletes " + (redundant.size() == 1 ? "it" : "them")
                    + " with its next revision.");
        }
        List<RevisionJson> json = new ArrayList<>();
        for (String id : current) {
            Optional<RevisionDescriptor> revision = graph.find(id);
            if (revision.isEmpty()) {
                json.add(RevisionJson.unknown(id));
                continue;
            }
            json.add(RevisionJson.of(graph, revision.get(), current, true));
            if (verbose) {
                text.details(revision.get()).forEach(context.log()::info);
            } else {
                context.log().info("Current revision of " + database + ": " + text.shortLine(revision.get()));
            }
        }
        List<RevisionJson> implied = new ArrayList<>();
        for (String id : impliedByDependencies(graph, current)) {
            RevisionDescriptor revision = graph.find(id).orElseThrow();
            implied.add(RevisionJson.of(graph, revision, current, true));
            if (verbose) {
                text.details(revision).forEach(context.log()::info);
            } else {
                context.log().info("Current revision of " + database + ": " + text.shortLine(revision)
                        + " (applied; implied by a row's dependsOn, not a version-table row)");
            }
        }
        // A run that stopped inside a revision left part of it behind, which the rows above do not show.
        List<dev.migrate.InterruptedRevision> interrupted = context.migrator().interrupted();
        interrupted.forEach(stopped -> context.log().warn(interrupted(graph, stopped)));
        if (outputFile != null) {
            JsonReports.write(outputFile, new CurrentReport("current", database, json, implied,
                    interrupted.stream().map(JsonReports.InterruptedJson::of).toList()), context);
        }
        // Alembic's current fails on a row it cannot locate; so does this goal, after listing what it
        // knows and writing the report, with the one line upgrade and downgrade would give.
        graph.requireKnown(current);
    }

    /**
     * The line for a revision a run got part of the way through: what took effect, what the version table
     * says of it, and that the next run of that direction resumes it.
     */
    static String interrupted(RevisionGraph graph, dev.migrate.InterruptedRevision stopped) {
        boolean down = stopped.direction() == dev.migrate.graph.Direction.DOWN;
        String verb = down ? "downgrade" : "upgrade";
        String named = graph.find(stopped.revision())
                .map(revision -> revision.message().isBlank() ? stopped.revision()
                        : stopped.revision() + " (" + revision.message() + ")")
                .orElse(stopped.revision() + " (a revision the code does not know)");
        // Progress is committed as the run goes, so a run still at work shows here too.
        return "Revision " + named + " is partly applied: " + (down ? "a " : "an ") + verb + " got through its first "
                + stopped.stepsDone() + " step(s), which took effect for good, and the version table "
                + (down ? "still names it as applied" : "does not claim it") + ". Unless that " + verb + " is still"
                + " running, it stopped there (it failed, lost its connection or was killed), and `mvn migrate:" + verb
                + "` resumes it at step " + (stopped.stepsDone() + 1) + " while those steps are unchanged.";
    }

    /**
     * Tops of applied lines that are not rows: revisions a row depends on, whose own branch has no
     * applied revision above them. Rows the code does not know are left out (reported above).
     */
    private static List<String> impliedByDependencies(RevisionGraph graph, List<String> current) {
        List<String> known = current.stream().filter(id -> graph.find(id).isPresent()).toList();
        return graph.currentRevisions(known).stream().filter(id -> !current.contains(id)).toList();
    }
}
