package dev.migrate.tenant;

import java.time.Duration;
import java.util.List;

/**
 * What a run did to one tenant.
 *
 * @param tenant     the tenant
 * @param status     what happened
 * @param before     the tenant's version table before the run (empty for a new tenant)
 * @param after      its version table after the run (for a failure: as far as it got)
 * @param applied    how many revisions ran
 * @param failure    for a failure, migrate's one-line message (naming the revision and statement); else null
 * @param took       how long the tenant took
 */
public record TenantOutcome(Tenant tenant, Status status, List<String> before, List<String> after, int applied,
                            String failure, Duration took) {

    public TenantOutcome {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** What happened to a tenant. */
    public enum Status {
        /** Revisions ran. */
        APPLIED,
        /** Nothing to do: already at the target. */
        UNCHANGED,
        /** A revision failed, or the tenant could not be reached; the others went on. */
        FAILED,
        /** Not tried: an earlier tenant failed and {@code failFast} was set. */
        NOT_RUN
    }

    /** One summary line: {@code acme        applied 3 (a1 -> c3) 120 ms}. */
    public String describe() {
        String heads = after.isEmpty() ? "base" : String.join(", ", after);
        return switch (status) {
            case APPLIED -> "applied " + applied + (applied == 1 ? " revision" : " revisions") + ", now at " + heads + " ("
                    + took.toMillis() + " ms)";
            case UNCHANGED -> "already at " + heads;
            case FAILED -> "FAILED at " + heads + ": " + failure;
            case NOT_RUN -> "not run (an earlier tenant failed and migrate.failFast is set)";
        };
    }
}
