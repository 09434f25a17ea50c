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
 */
public record TenantCheck(Tenant tenant, State state, List<String> current, List<String> pending, String failure) {

    public TenantCheck {
        current = List.copyOf(current);
        pending = List.copyOf(pending);
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
        if (outcome.status() == TenantOutcome.Status.FAILED) {
            return new TenantCheck(outcome.tenant(), State.FAILED, outcome.after(), List.of(), outcome.failure());
        }
        Optional<CheckFinding> position = HistoryCheck.position(graph, outcome.after());
        if (position.isEmpty()) {
            return new TenantCheck(outcome.tenant(), State.AT_HEAD, outcome.after(), List.of(), null);
        }
        State state = position.get() instanceof CheckFinding.Pending ? State.BEHIND : State.UNKNOWN_REVISION;
        return new TenantCheck(outcome.tenant(), state, outcome.after(), position.get().revisions(), null);
    }

    /** True unless the tenant is at head. */
    public boolean problem() {
        return state != State.AT_HEAD;
    }

    /** The table's last column: {@code -}, {@code 2 pending: b2, c3}, {@code unknown: x9}, or the failure. */
    public String detail() {
        return switch (state) {
            case AT_HEAD -> "-";
            case BEHIND -> pending.size() + " pending: " + abbreviate(pending);
            case UNKNOWN_REVISION -> "unknown to the code: " + String.join(", ", pending);
            case FAILED -> failure;
        };
    }

    /** The first few ids, so a tenant 300 revisions behind keeps one readable line. */
    private static String abbreviate(List<String> ids) {
        return ids.size() <= 5 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }
}
