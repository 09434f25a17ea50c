package dev.migrate.check;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Where one tenant stands against the code, as {@code migrate:check} over tenants reports it.
 *
 * @param tenant  the tenant
 * @param state   where it stands
 * @param current its version table's rows (empty at base or when it could not be read)
 * @param pending the revisions an upgrade to heads would run, in order (BEHIND only); for
 *                UNKNOWN_REVISION the rows the code does not know
 * @param failure why the tenant could not be read (FAILED only), else null
 * @param edited  its applied revisions whose upgrade was edited since it ran there (their checksum
 *                changed), whatever its state
 */
public record TenantCheck(Tenant tenant, State state, List<String> current, List<String> pending, String failure,
                          List<String> edited) {

    public TenantCheck {
        current = List.copyOf(current);
        pending = List.copyOf(pending);
        edited = List.copyOf(edited);
    }

    /** A tenant with no edited revision. */
    public TenantCheck(Tenant tenant, State state, List<String> current, List<String> pending, String failure) {
        this(tenant, state, current, pending, failure, List.of());
    }

    /** Where a tenant stands. */
    public enum State {
        /** Nothing pending. */
        AT_HEAD,
        /** Revisions are pending: an upgrade would run them. */
        BEHIND,
        /** Its version table names revisions the code does not have. */
        UNKNOWN_REVISION,
        /** Its version table could not be read (schema or database missing, connection refused). */
        FAILED
    }

    /** Classifies a tenant from what reading its version table gave ({@link dev.migrate.Migrator#currentTenants}). */
    public static TenantCheck of(RevisionGraph graph, TenantOutcome outcome) {
        return of(graph, outcome, List.of());
    }

    /** {@link #of(RevisionGraph, TenantOutcome)} for a tenant whose applied revisions {@code edited} were edited since. */
    public static TenantCheck of(RevisionGraph graph, TenantOutcome outcome, List<String> edited) {
        if (outcome.status() == TenantOutcome.Status.FAILED) {
            return new TenantCheck(outcome.tenant(), State.FAILED, outcome.after(), List.of(), outcome.failure());
        }
        Optional<CheckFinding> position = HistoryCheck.position(graph, outcome.after());
        if (position.isEmpty()) {
            return new TenantCheck(outcome.tenant(), State.AT_HEAD, outcome.after(), List.of(), null, edited);
        }
        State state = position.get() instanceof CheckFinding.Pending ? State.BEHIND : State.UNKNOWN_REVISION;
        return new TenantCheck(outcome.tenant(), state, outcome.after(), position.get().revisions(), null, edited);
    }

    /** True unless the tenant is at head with no applied revision edited since it ran there. */
    public boolean problem() {
        return state != State.AT_HEAD || !edited.isEmpty();
    }

    /**
     * The table's last column: {@code -}, {@code 2 pending: b2, c3}, {@code unknown: x9}, or the failure;
     * then {@code edited since applied: a1} when some are.
     */
    public String detail() {
        String detail = switch (state) {
            case AT_HEAD -> "-";
            case BEHIND -> pending.size() + " pending: " + abbreviate(pending);
            case UNKNOWN_REVISION -> "unknown to the code: " + String.join(", ", pending);
            case FAILED -> failure;
        };
        if (edited.isEmpty()) {
            return detail;
        }
        return (state == State.AT_HEAD ? "" : detail + "; ") + "edited since applied: " + abbreviate(edited);
    }

    /** Why the tenant is a problem, in a few words: {@code behind}, {@code edited: a1}, {@code behind, edited: a1}. */
    public String reason() {
        String where = state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (edited.isEmpty()) {
            return where;
        }
        return (state == State.AT_HEAD ? "" : where + ", ") + "edited: " + abbreviate(edited);
    }

    /** The first few ids, so a tenant 300 revisions behind keeps one readable line. */
    private static String abbreviate(List<String> ids) {
        return ids.size() <= 5 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }
}
