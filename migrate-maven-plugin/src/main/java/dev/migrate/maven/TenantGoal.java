package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantOutcome;
import dev.migrate.tenant.TenantReport;
import dev.migrate.tenant.TenantRun;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The tenant form of {@code upgrade}, {@code downgrade} and {@code current}: the same goal run once
 * per tenant ({@code migrate.tenants} or {@code migrate.tenantQuery}), up to {@code migrate.parallel}
 * at once, a line per tenant and a summary, then one build failure listing the tenants that failed.
 *
 * @param tenants  the {@code migrate.tenants} list, or null
 * @param query    the {@code migrate.tenantQuery}, or null
 * @param parallel {@code migrate.parallel}
 * @param failFast {@code migrate.failFast}
 */
record TenantGoal(String tenants, String query, int parallel, boolean failFast) {

    /**
     * The {@code migrate.parallel} text as a number (Maven's own conversion of an int parameter fails with
     * "Cannot convert 'abc' to int", which says neither the setting nor what to write); 1 when unset.
     * Below 1 is refused by {@code TenantRun}, which names the setting too.
     */
    static int parallelism(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new MigrateException("migrate.parallel is '" + text + "', which is not a whole number of tenants. Give how"
                    + " many tenants may run at once, 1 or more, e.g. -Dmigrate.parallel=4.");
        }
    }

    /**
     * The message when tenants are set for something that works on one database only ({@code stamp}, an
     * offline script): going on would leave every tenant out without a word.
     *
     * @param what {@code "migrate:stamp"}, {@code "migrate:history"} or {@code "migrate.sql"}, as the user typed it
     */
    static String notOverTenants(String what) {
        return what + " works on one database and does not run over tenants, but migrate.tenants or"
                + " migrate.tenantQuery is set. For one tenant, leave them out and give its schema"
                + " (-Dmigrate.schema=acme) or its JDBC URL (migrate.url).";
    }

    /** True when the goal is to run per tenant. */
    boolean configured() {
        return (tenants != null && !tenants.isBlank()) || (query != null && !query.isBlank());
    }

    /** What the goal does over the tenants: one of Migrator's tenant methods. */
    @FunctionalInterface
    interface TenantAction {
        TenantReport run(dev.migrate.Migrator migrator, List<Tenant> tenants, TenantRun run);
    }

    /**
     * Writes a tenant run's JSON ({@code JsonReports.TenantsReport}) to {@code outputFile} when set: per
     * tenant its outcome, the revisions run, and for a failure the revision and statement.
     */
    static void writeReport(MigrateContext context, java.io.File outputFile, String goal, String target,
            TenantReport report) {
        if (outputFile == null) {
            return;
        }
        dev.migrate.graph.RevisionGraph graph = context.graph();
        JsonReports.write(outputFile, JsonReports.TenantsReport.of(goal, target, report,
                current -> behind(graph, current)), context);
    }

    /** How many revisions an upgrade to heads would run from {@code current}; -1 when the code does not know a row. */
    static int behind(dev.migrate.graph.RevisionGraph graph, List<String> current) {
        if (!graph.unknown(current).isEmpty()) {
            return -1;
        }
        return graph.upgradePlan(current, "heads").steps().size();
    }

    /** The tenants: {@code migrate.tenants} as listed, or the rows of {@code migrate.tenantQuery}. */
    List<Tenant> resolve(MigrateContext context) {
        if (tenants != null && !tenants.isBlank() && query != null && !query.isBlank()) {
            throw new MigrateException("Both migrate.tenants and migrate.tenantQuery are set; give the tenants one way.");
        }
        boolean listed = tenants != null && !tenants.isBlank();
        List<Tenant> found = listed ? Tenant.parse(tenants) : Tenant.parse(context.migrator().queryNames(query),
                "migrate.tenantQuery");
        if (found.isEmpty()) {
            throw new MigrateException(noTenants(listed ? tenants : null, query));
        }
        return found;
    }

    /** The message when the tenants come out empty: which setting gave none, and what to give instead. */
    static String noTenants(String tenants, String query) {
        return tenants != null
                ? "migrate.tenants is '" + TenantList.of(tenants) + "', which lists no tenant. Give schemas or JDBC URLs"
                        + " separated by commas, e.g. -Dmigrate.tenants=acme,globex."
                : "migrate.tenantQuery found no tenant: " + query.strip() + " returned no row with a value in its first"
                        + " column. Check the query against the configured database (migrate.url), or give the tenants"
                        + " with migrate.tenants.";
    }

    /** A run over tenants with this goal's parallelism, logging progress lines to {@code log}. */
    TenantRun tenantRun(Log log) {
        return new TenantRun(parallel, failFast, log::info);
    }

    /** Runs {@code action} for every tenant and reports; fails the build once when any tenant failed. */
    void run(MigrateContext context, String what, TenantAction action)
            throws MojoFailureException {
        run(context, what, action, TenantOutcome::describe);
    }

    /** As {@link #run(MigrateContext, String, TenantAction)}, with each tenant's line written by {@code line}. */
    void run(MigrateContext context, String what, TenantAction action,
            java.util.function.Function<TenantOutcome, String> line) throws MojoFailureException {
        run(context, what, action, line, report -> { });
    }

    /** As above; {@code written} receives the report before a failure fails the build (for the JSON file). */
    void run(MigrateContext context, String what, TenantAction action,
            java.util.function.Function<TenantOutcome, String> line,
            java.util.function.Consumer<TenantReport> written) throws MojoFailureException {
        List<Tenant> list = resolve(context);
        Log log = context.log();
        log.info("migrate:" + what + " over " + list.size() + (list.size() == 1 ? " tenant" : " tenants")
                + (parallel > 1 ? ", " + parallel + " at once" : "") + ".");
        TenantReport report = action.run(context.tenantsMigrator(), list, tenantRun(log));
        int width = list.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (TenantOutcome outcome : report.outcomes()) {
            String text = String.format("  %-" + width + "s  %s", outcome.tenant().name(),
                    outcome.status() == TenantOutcome.Status.FAILED ? outcome.describe() : line.apply(outcome));
            if (outcome.status() == TenantOutcome.Status.FAILED) {
                log.error(text);
            } else {
                log.info(text);
            }
        }
        log.info(summary(what, report, current -> behind(context.graph(), current)) + ".");
        written.accept(report);
        List<TenantOutcome> failures = report.failures();
        if (!failures.isEmpty()) {
            throw new MojoFailureException(failureMessage(failures, list.size()));
        }
    }

    /**
     * The summary line of a goal over tenants: what an upgrade or a downgrade did, or for {@code current},
     * which changes nothing, how many tenants are at head and how many behind.
     *
     * @param behind how many revisions a tenant at these version-table rows is behind the head (current only)
     */
    static String summary(String goal, TenantReport report, java.util.function.ToIntFunction<List<String>> behind) {
        if ("current".equals(goal)) {
            long unreadable = report.count(TenantOutcome.Status.FAILED);
            long read = report.outcomes().size() - unreadable - report.count(TenantOutcome.Status.NOT_RUN);
            List<Integer> lag = report.outcomes().stream()
                    .filter(o -> o.status() != TenantOutcome.Status.FAILED && o.status() != TenantOutcome.Status.NOT_RUN)
                    .map(o -> behind.applyAsInt(o.after()))
                    .toList();
            long atHead = lag.stream().filter(pending -> pending == 0).count();
            long unknown = lag.stream().filter(pending -> pending < 0).count();
            // The words of check over tenants: a tenant at a revision the code does not know is not "behind".
            return report.outcomes().size() + (report.outcomes().size() == 1 ? " tenant: " : " tenants: ") + atHead
                    + " at head, " + (read - atHead - unknown) + " behind, " + unknown + " at unknown revisions, "
                    + unreadable + " unreadable, in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", report.took().toMillis() / 1000.0);
        }
        return "downgrade".equals(goal) ? report.summary("downgraded") : report.summary();
    }

    /**
     * The build failure's one line: which tenants failed, and for a single one its reason too, so the
     * line says what to fix without scrolling back (several are each listed above with theirs).
     */
    static String failureMessage(List<TenantOutcome> failures, int tenants) {
        if (tenants == 1) {
            return "The tenant " + failures.get(0).tenant().name() + " failed: " + failures.get(0).failure()
                    + " Fix the cause and run the goal again.";
        }
        StringBuilder message = new StringBuilder().append(failures.size()).append(" of ").append(tenants)
                .append(" tenants failed: ");
        if (failures.size() == 1) {
            message.append(failures.get(0).tenant().name()).append(": ").append(failures.get(0).failure()).append(' ');
        } else {
            failures.stream().limit(10).forEach(f -> message.append(f.tenant().name()).append(", "));
            message.setLength(message.length() - 2);
            if (failures.size() > 10) {
                message.append(" and ").append(failures.size() - 10).append(" more");
            }
            message.append(" (each listed above with its reason). ");
        }
        return message.append("The other tenants are consistent; fix the cause and run the goal again: it touches only"
                + " the tenants that are behind.").toString();
    }
}
