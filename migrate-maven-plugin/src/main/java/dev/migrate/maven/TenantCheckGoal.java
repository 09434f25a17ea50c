package dev.migrate.maven;

import dev.migrate.check.CheckFinding;
import dev.migrate.check.TenantCheck;
import dev.migrate.check.TenantCheckReport;
import dev.migrate.tenant.Tenant;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code migrate:check} with {@code migrate.tenants} or {@code migrate.tenantQuery}: a table of
 * where every tenant stands (at head, behind and by which revisions, at a revision the code does
 * not know, unreadable), the JSON of it with {@code migrate.outputFile}, and one build failure when
 * the code has several heads or any tenant is not at head. Reads only; locks nothing.
 */
final class TenantCheckGoal {

    private TenantCheckGoal() {
    }

    static void run(MigrateContext context, TenantGoal goal, File outputFile) throws MojoFailureException {
        Log log = context.log();
        List<Tenant> tenants = goal.resolve(context);
        log.info("migrate:check over " + tenants.size() + (tenants.size() == 1 ? " tenant" : " tenants")
                + (goal.parallel() > 1 ? ", " + goal.parallel() + " at once" : "") + " (lint and entity drift are"
                + " checked per database: run migrate:check without tenants for them).");
        TenantCheckReport report = context.tenantsMigrator().checkTenants(tenants, goal.tenantRun(log));
        report.code().forEach(finding -> log.error(finding.message()));
        table(report, log);
        log.info(report.summary() + ".");
        if (outputFile != null) {
            JsonReports.write(outputFile, JsonReports.TenantsCheckReport.of(report), context);
        }
        if (report.passed()) {
            log.info("migrate:check passed: " + context.graph().revisions().size() + " revisions, one head ("
                    + String.join(", ", context.graph().heads()) + "), every tenant at it.");
            return;
        }
        List<TenantCheck> lagging = report.lagging();
        StringBuilder message = new StringBuilder("migrate:check found ");
        if (!report.code().isEmpty()) {
            message.append(report.code().size()).append(report.code().size() == 1 ? " problem" : " problems")
                    .append(" in the code").append(lagging.isEmpty() ? "" : " and ");
        }
        if (!lagging.isEmpty()) {
            message.append(lagging.size()).append(" of ").append(tenants.size())
                    .append(tenants.size() == 1 ? " tenant" : " tenants").append(report.edited() == 0 ? " not at head: "
                            : " not at head or with revisions edited since they ran there: ");
            lagging.stream().limit(10).forEach(t -> message.append(t.tenant().name()).append(" (").append(t.reason())
                    .append("), "));
            message.setLength(message.length() - 2);
            if (lagging.size() > 10) {
                message.append(" and ").append(lagging.size() - 10).append(" more");
            }
        }
        message.append(" (listed above).");
        if (lagging.stream().anyMatch(t -> t.state() == TenantCheck.State.BEHIND)) {
            message.append(" Bring the tenants that are behind to head with `mvn compile migrate:upgrade` and the same"
                    + " tenants; it touches only those.");
        }
        if (report.edited() > 0) {
            message.append(" Restore each edited revision as it was and put the change into a new revision"
                    + " (`mvn migrate:revision`).");
        }
        throw new MojoFailureException(message.toString());
    }

    /** One row per tenant under a header, columns padded to their widest value; rows not at head are errors. */
    private static void table(TenantCheckReport report, Log log) {
        int nameWidth = Math.max("tenant".length(),
                report.tenants().stream().mapToInt(t -> t.tenant().name().length()).max().orElse(0));
        int stateWidth = "UNKNOWN_REVISION".length();
        int currentWidth = Math.max("current".length(),
                report.tenants().stream().mapToInt(t -> RunResultLog.heads(t.current()).length()).max().orElse(0));
        String format = "  %-" + nameWidth + "s  %-" + stateWidth + "s  %-" + currentWidth + "s  %s";
        log.info(String.format(format, "tenant", "state", "current", "pending").stripTrailing());
        for (TenantCheck tenant : report.tenants()) {
            String row = String.format(format, tenant.tenant().name(), tenant.state().name(),
                    RunResultLog.heads(tenant.current()), tenant.detail());
            if (tenant.problem()) {
                log.error(row);
            } else {
                log.info(row);
            }
        }
    }

    /** The code's findings in the JSON form {@code check} uses. */
    static List<JsonReports.Finding> findings(List<CheckFinding> code) {
        return code.stream().map(JsonReports.Finding::of).toList();
    }
}
