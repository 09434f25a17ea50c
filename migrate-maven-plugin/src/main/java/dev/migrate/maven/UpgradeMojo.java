package dev.migrate.maven;

import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Upgrades the database to a target revision (Alembic's {@code upgrade}), one transaction per
 * revision, logging one line per revision and a summary. With {@code -Dmigrate.sql} it writes the
 * SQL script instead and touches nothing. Run after compiling: {@code mvn compile migrate:upgrade}.
 *
 * @since 0.1.0
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class UpgradeMojo extends AbstractRunMojo {

    /**
     * Where to upgrade to: {@code head} (the default), {@code heads}, a revision id or unique prefix,
     * {@code label@head}, a relative step like {@code +1}, or a comma-separated list of absolute
     * targets ({@code d1,d2}: both branches). Offline ({@code migrate.sql}) it may be a range
     * {@code from:to}. Example: {@code -Dmigrate.target=ae1027a6acf0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.target", defaultValue = "head")
    protected String target;

    /**
     * Fail before anything runs when an applied revision was edited since it ran here (its rendered
     * SQL no longer matches the checksum in {@code migrate_history}). Off, each such revision is a
     * warning. Default {@code false}. Example: {@code -Dmigrate.validateOnUpgrade}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.validateOnUpgrade", defaultValue = "false")
    protected boolean validateOnUpgrade;

    @Override
    protected void run(MigrateContext context) throws IOException, org.apache.maven.plugin.MojoFailureException {
        if (sql) {
            rejectTenants("migrate.sql");
            OfflineScript.write(context, "upgrade", outputFile, context.offlineMigrator().upgradeSql(target));
            return;
        }
        if (tenantGoal().configured()) {
            tenantGoal().run(context, "upgrade", (migrator, tenants, run) -> migrator.upgradeTenants(tenants, target, run,
                            (tenant, edited) -> EditedRevisions.checkTenant(tenant, edited, validateOnUpgrade, context.log())),
                    dev.migrate.tenant.TenantOutcome::describe, report -> TenantGoal.writeReport(context, outputFile, "upgrade",
                            target, report));
            return;
        }
        EditedRevisions.check(context.migrator().changedRevisions(), validateOnUpgrade, context.log());
        RunResultLog.log(context.log(), "upgrade", target,
                RunReport.runAndReport(context, "upgrade", target, outputFile, migrator -> migrator.upgrade(target)));
    }
}
