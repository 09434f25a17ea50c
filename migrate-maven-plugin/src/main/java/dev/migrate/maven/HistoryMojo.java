package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.maven.JsonReports.HistoryReport;
import dev.migrate.maven.JsonReports.RevisionJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists revisions newest first (Alembic's {@code history}). With a database configured, the
 * revisions it is at are marked {@code (current)} and ranges may use {@code current}.
 *
 * @since 0.1.0
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class HistoryMojo extends AbstractQueryMojo {

    /**
     * The range to list, {@code from:to}, either side optional. Default {@code base:heads} (everything).
     * Examples: {@code -3:current}, {@code ae1027a6acf0:}, {@code base:reporting@head}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.range", defaultValue = "base:heads")
    protected String range;

    /**
     * Print every field of each revision. Default {@code false}. Example: {@code -Dmigrate.verbose}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.verbose", defaultValue = "false")
    protected boolean verbose;

    /** Without a database "current" would silently read as base; a range naming it needs migrate.url. */
    static void requireNoCurrent(String range) {
        if (Arrays.stream(range.split(":", -1)).anyMatch(side -> side.trim().equals("current"))) {
            throw new MigrateException("migrate.range is '" + range + "', which starts or ends at current, the"
                    + " database's revision, but no database is configured. Set migrate.url, or give the range by"
                    + " revision, e.g. -Dmigrate.range=base:head.");
        }
    }

    @Override
    protected void run(MigrateContext context) throws IOException {
        rejectTenants("migrate:history");
        RevisionGraph graph = context.graph();
        boolean databaseRead = context.settings().hasDatabase();
        if (!databaseRead) {
            requireNoCurrent(range);
        }
        List<String> current = databaseRead ? context.migrator().current() : List.of();
        if (!Arrays.stream(range.split(":", -1)).anyMatch(side -> side.trim().equals("current"))) {
            // As Alembic's history: a row the code does not know marks nothing and stops nothing (a range
            // at current does fail on it, in the graph); the warning says why no line is current.
            List<String> unknown = graph.unknown(current);
            if (!unknown.isEmpty()) {
                context.log().warn("The version table contains " + String.join(", ", unknown) + ", which the code"
                        + " does not know (the database was upgraded by newer code, or the revision was deleted), so"
                        + " the history below does not show it.");
                current = current.stream().filter(row -> !unknown.contains(row)).toList();
            }
        }
        RevisionText text = new RevisionText(graph, current);
        List<RevisionJson> json = new ArrayList<>();
        for (RevisionDescriptor revision : graph.history(range, current)) {
            json.add(RevisionJson.of(graph, revision, current, databaseRead));
            if (verbose) {
                text.details(revision).forEach(context.log()::info);
                context.log().info("");
            } else {
                context.log().info(text.line(revision));
            }
        }
        if (outputFile != null) {
            JsonReports.write(outputFile, new HistoryReport("history", range, json), context);
        }
    }
}
