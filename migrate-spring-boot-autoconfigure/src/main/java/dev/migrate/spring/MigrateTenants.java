package dev.migrate.spring;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.check.CheckFinding;
import dev.migrate.check.TenantCheck;
import dev.migrate.check.TenantCheckReport;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantOutcome;
import dev.migrate.tenant.TenantReport;
import dev.migrate.tenant.TenantRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@code migrate.tenants} / {@code migrate.tenant-query} at start-up and in the endpoint: which
 * tenants (schemas of the application's DataSource, or JDBC URLs of their own), and start-up's
 * words about them. Running the tenants (one lock, version table and
 * history each, {@code migrate.parallel} at once) is migrate-core's {@link Migrator#upgradeTenants}
 * and {@link Migrator#checkTenants}; as {@code mvn migrate:upgrade} with tenants, the data source's
 * default schema is not migrated.
 */
final class MigrateTenants {

    private static final Log LOG = LogFactory.getLog("dev.migrate");

    /** How many failed tenants start-up's message names one by one; the log has a line for each. */
    private static final int NAMED = 10;

    private static final String TENANTS = "migrate.tenants";
    private static final String QUERY = "migrate.tenant-query";

    private final MigrateProperties properties;

    MigrateTenants(MigrateProperties properties) {
        this.properties = properties;
    }

    /** True when start-up migrates tenants rather than the data source's one schema. */
    boolean configured() {
        return !listed().isEmpty() || (properties.getTenantQuery() != null && !properties.getTenantQuery().isBlank());
    }

    private List<String> listed() {
        List<String> tenants = properties.getTenants();
        return tenants == null ? List.of() : tenants.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    /** The tenants: {@code migrate.tenants} as listed, or the rows {@code migrate.tenant-query} returns now. */
    List<Tenant> resolve(Migrator migrator) {
        String query = properties.getTenantQuery();
        boolean queried = query != null && !query.isBlank();
        if (!listed().isEmpty() && queried) {
            throw new MigrateException("Both " + TENANTS + " and " + QUERY + " are set; give the tenants one way.");
        }
        if (!queried) {
            return Tenant.parse(listed(), TENANTS);
        }
        List<Tenant> found = Tenant.parse(migrator.queryNames(query, QUERY), QUERY);
        if (found.isEmpty()) {
            throw new MigrateException(QUERY + " found no tenant: " + query.strip() + " returned no row with a value in its"
                    + " first column. Check the query against the application's database, or list the tenants in "
                    + TENANTS + ".");
        }
        return found;
    }

    private TenantRun run() {
        return new TenantRun(properties.getParallel(), properties.isFailFast(), LOG::info);
    }

    /**
     * {@code migrate.mode=upgrade}: every tenant to {@code migrate.target}; a line per tenant in the
     * log, then, when any failed, one exception naming each failed tenant with where it stopped and why.
     */
    void upgrade(Migrator migrator) {
        migrator.graph();
        List<Tenant> tenants = resolve(migrator);
        String target = properties.getTarget();
        LOG.info("migrate: upgrading " + tenants.size() + (tenants.size() == 1 ? " tenant" : " tenants") + " to " + target
                + (properties.getParallel() > 1 ? ", " + properties.getParallel() + " at once" : "") + ".");
        boolean failOnEdited = properties.isValidateOnUpgrade();
        TenantReport report = migrator.upgradeTenants(tenants, target, run(),
                (tenant, edited) -> EditedRevisions.checkTenant(tenant, edited, failOnEdited));
        for (TenantOutcome outcome : report.outcomes()) {
            if (outcome.status() == TenantOutcome.Status.FAILED) {
                LOG.error("  " + outcome.tenant().name() + ": " + outcome.describe());
            } else {
                LOG.info("  " + outcome.tenant().name() + ": " + outcome.describe());
            }
        }
        LOG.info("migrate: " + report.summary() + ".");
        if (!report.failures().isEmpty()) {
            throw new TenantsFailedException(failureMessage(report, target), report);
        }
    }

    /**
     * Start-up's one message: each failed tenant with the revision it is at and why (migrate's reason
     * names the revision that failed), up to ten by name, then where the rest are.
     */
    static String failureMessage(TenantReport report, String target) {
        List<TenantOutcome> failures = report.failures();
        int total = report.outcomes().size();
        StringBuilder message = new StringBuilder().append(failures.size()).append(" of ").append(total)
                .append(total == 1 ? " tenant" : " tenants").append(" failed to upgrade to ").append(target).append(": ");
        List<String> named = new ArrayList<>();
        for (TenantOutcome failure : failures.subList(0, Math.min(NAMED, failures.size()))) {
            named.add(failure.tenant().name() + " (at " + heads(failure.after()) + "): " + reason(failure));
        }
        message.append(String.join("; ", named));
        if (failures.size() > NAMED) {
            message.append("; and ").append(failures.size() - NAMED).append(" more (each in the log above)");
        }
        message.append(message.charAt(message.length() - 1) == '.' ? "" : ".");
        long notRun = report.count(TenantOutcome.Status.NOT_RUN);
        long done = total - failures.size() - notRun;
        if (done > 0) {
            message.append(' ').append(done).append(done == 1 ? " other tenant is" : " other tenants are").append(" at ")
                    .append(target).append(done == 1 ? " and stays there." : " and stay there.");
        }
        if (notRun > 0) {
            message.append(' ').append(notRun).append(notRun == 1 ? " tenant was" : " tenants were")
                    .append(" not tried (migrate.fail-fast).");
        }
        return message.append(" The log above has each failed tenant's statement and full message.").toString();
    }

    /**
     * {@code migrate.mode=validate}: fails when the code has several heads or any tenant is behind,
     * at a revision the code does not know, unreadable, or ran a revision edited since; changes nothing.
     */
    void validate(Migrator migrator) {
        migrator.graph();
        TenantCheckReport report = migrator.checkTenants(resolve(migrator), run());
        if (!report.code().isEmpty()) {
            throw new MigrateException("migrate.mode=validate: " + report.code().get(0).message());
        }
        List<TenantCheck> lagging = report.lagging();
        if (!lagging.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (TenantCheck tenant : lagging.subList(0, Math.min(NAMED, lagging.size()))) {
                named.add(tenant.tenant().name() + " " + describe(tenant.state()) + " (at " + heads(tenant.current()) + ", "
                        + tenant.detail() + ")");
            }
            int total = report.tenants().size();
            boolean behind = lagging.stream().anyMatch(tenant -> tenant.state() != TenantCheck.State.AT_HEAD);
            throw new MigrateException("migrate.mode=validate: " + lagging.size() + " of " + total
                    + (total == 1 ? " tenant is" : " tenants are") + (report.edited() == 0 ? " not at head: "
                    : " not at head or ran revisions edited since: ") + String.join("; ", named)
                    + (lagging.size() > NAMED ? "; and " + (lagging.size() - NAMED) + " more" : "")
                    + (behind ? ". Upgrade them (migrate.mode=upgrade, or mvn migrate:upgrade -Dmigrate.tenants=...) before"
                    + " starting the application." : ".")
                    + (report.edited() == 0 ? "" : " Restore each edited revision as it was and put the change into a new"
                    + " revision (`mvn migrate:revision`)."));
        }
    }

    private static String describe(TenantCheck.State state) {
        return switch (state) {
            case AT_HEAD -> "is at head";
            case BEHIND -> "is behind";
            case UNKNOWN_REVISION -> "is at a revision the code does not know";
            case FAILED -> "could not be read";
        };
    }

    /** The endpoint's tenant view: the code's heads, then per tenant its revision and state. Reads only. */
    Map<String, Object> state(Migrator migrator) {
        TenantCheckReport report = migrator.checkTenants(resolve(migrator), run());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("heads", List.copyOf(migrator.heads()));
        state.put("findings", report.code().stream().map(CheckFinding::message).toList());
        state.put("tenants", report.tenants().stream().map(tenant -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("tenant", tenant.tenant().name());
            one.put("current", tenant.current());
            one.put("state", tenant.state().name());
            one.put("pending", tenant.state() == TenantCheck.State.BEHIND ? tenant.pending() : List.of());
            one.put("edited", tenant.edited());
            if (tenant.state() == TenantCheck.State.UNKNOWN_REVISION) {
                one.put("unknown", tenant.pending());
            }
            if (tenant.failure() != null) {
                one.put("failure", tenant.failure());
            }
            return one;
        }).toList());
        state.put("summary", report.summary());
        return state;
    }

    /**
     * Why a tenant failed, in a few words: the first line of migrate's message (which names the
     * revision and carries the database's reason) and the SQLState. The rest (the statement, what
     * was rolled back) is in the tenant's log line; H2 ends its reason's line with "; SQL statement:",
     * the statement following on lines of their own.
     */
    private static String reason(TenantOutcome failure) {
        String text = failure.failure() == null ? "" : failure.failure().strip();
        String first = text.lines().findFirst().orElse("").strip().replaceFirst(";\\s*SQL statement:$", "");
        return first + (failure.failedAt() != null && failure.failedAt().sqlState() != null
                ? " (SQLState " + failure.failedAt().sqlState() + ")" : "");
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
