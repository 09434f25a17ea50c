package dev.migrate.spring;

import dev.migrate.MigrateException;
import dev.migrate.tenant.TenantReport;

/**
 * Start-up's tenant upgrade left one or more tenants behind: the message names each with the revision
 * it is at, the one that failed and why; {@link #report()} has every tenant's outcome. The tenants
 * that succeeded stay upgraded.
 */
public final class TenantsFailedException extends MigrateException {

    private final transient TenantReport report;

    TenantsFailedException(String message, TenantReport report) {
        super(message);
        this.report = report;
    }

    /** Every tenant's outcome, in the order the tenants were listed. */
    public TenantReport report() {
        return report;
    }
}
