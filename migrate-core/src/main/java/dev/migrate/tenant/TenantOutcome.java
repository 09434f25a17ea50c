package dev.migrate.tenant;

import dev.migrate.AppliedRevision;
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
 * @param revisions  the revisions run to the end, in order (for a failure: those committed before it)
 * @param failedAt   for a failure inside a revision, which revision and statement; else null
 */
public record TenantOutcome(Tenant tenant, Status status, List<String> before, List<String> after, int applied,
                            String failure, Duration took, List<AppliedRevision> revisions, FailedAt failedAt) {

    public TenantOutcome {
        before = List.copyOf(before);
        after = List.copyOf(after);
        revisions = List.copyOf(revisions);
    }

    /** An outcome without the revisions' detail (reading a version table runs none). */
    public TenantOutcome(Tenant tenant, Status status, List<String> before, List<String> after, int applied,
            String failure, Duration took) {
        this(tenant, status, before, after, applied, failure, took, List.of(), null);
    }

    /**
     * Where a tenant's run failed.
     *
     * @param revision  the failing revision
     * @param statement the failing statement (as sent, parameters as placeholders), or null
     * @param sqlState  the database's SQLState, or null
     */
    public record FailedAt(String revision, String statement, String sqlState) {
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
