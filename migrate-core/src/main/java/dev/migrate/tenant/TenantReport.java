package dev.migrate.tenant;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a run over many tenants, in the order the tenants were listed.
 *
 * @param outcomes one per tenant
 * @param took     the whole run's wall-clock time
 */
public record TenantReport(List<TenantOutcome> outcomes, Duration took) {

    public TenantReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The tenants that failed. */
    public List<TenantOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == TenantOutcome.Status.FAILED).toList();
    }

    /** How many tenants had this status. */
    public long count(TenantOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** {@code 50 tenants: 48 upgraded, 1 already there, 1 failed, 0 not run, in 4.2 s}. */
    public String summary() {
        return summary("upgraded");
    }

    /** The same for a run that did something else: {@code summary("downgraded")}. */
    public String summary(String done) {
        return outcomes.size() + (outcomes.size() == 1 ? " tenant: " : " tenants: ") + count(TenantOutcome.Status.APPLIED)
                + " " + done + ", " + count(TenantOutcome.Status.UNCHANGED) + " already there, "
                + count(TenantOutcome.Status.FAILED) + " failed, " + count(TenantOutcome.Status.NOT_RUN) + " not run, in "
                + String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
