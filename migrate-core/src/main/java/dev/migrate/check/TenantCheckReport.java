package dev.migrate.check;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code check} over tenants: the code's own findings (several heads) and where each tenant stands,
 * in the order the tenants were listed.
 *
 * @param code    findings about the code alone, checked once for all tenants
 * @param tenants one per tenant
 * @param took    the whole run's wall-clock time
 */
public record TenantCheckReport(List<CheckFinding> code, List<TenantCheck> tenants, Duration took) {

    public TenantCheckReport {
        code = List.copyOf(code);
        tenants = List.copyOf(tenants);
    }

    /** How many tenants are in {@code state}. */
    public long count(TenantCheck.State state) {
        return tenants.stream().filter(t -> t.state() == state).count();
    }

    /** How many tenants have applied revisions edited since they ran there. */
    public long edited() {
        return tenants.stream().filter(t -> !t.edited().isEmpty()).count();
    }

    /** The tenants that are not at head, or have applied revisions edited since they ran there. */
    public List<TenantCheck> lagging() {
        return tenants.stream().filter(TenantCheck::problem).toList();
    }

    /** True when the code has one head and every tenant is at it, with no applied revision edited since. */
    public boolean passed() {
        return code.isEmpty() && lagging().isEmpty();
    }

    /**
     * {@code 50 tenants: 48 at head, 2 behind, 0 at unknown revisions, 0 unreadable, in 0.4 s}, with
     * {@code 1 with edited revisions, } before {@code in} when there are some.
     */
    public String summary() {
        return tenants.size() + (tenants.size() == 1 ? " tenant: " : " tenants: ") + count(TenantCheck.State.AT_HEAD)
                + " at head, " + count(TenantCheck.State.BEHIND) + " behind, " + count(TenantCheck.State.UNKNOWN_REVISION)
                + " at unknown revisions, " + count(TenantCheck.State.FAILED) + " unreadable, "
                + (edited() == 0 ? "" : edited() + " with edited revisions, ") + "in "
                + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }
}
