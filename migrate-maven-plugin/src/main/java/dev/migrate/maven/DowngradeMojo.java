package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Downgrades the database to a target revision (Alembic's {@code downgrade}). The target is
 * required, so that a bare {@code mvn migrate:downgrade} never reverts anything by accident. With
 * {@code -Dmigrate.sql} it writes the SQL script of a range {@code from:to} instead.
 *
 * @since 0.1.0
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class DowngradeMojo extends AbstractRunMojo {

    /**
     * Where to downgrade to (required): {@code -1} (one step), {@code base}, a revision id or prefix,
     * {@code label@-1}. Offline ({@code migrate.sql}) a range {@code from:to}.
     * Example: {@code -Dmigrate.target=-1}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.target")
    protected String target;

    @Override
    protected void run(MigrateContext context) throws IOException, org.apache.maven.plugin.MojoFailureException {
        if (target == null || target.isBlank()) {
            throw new MigrateException("migrate:downgrade needs a target: set migrate.target, e.g. -Dmigrate.target=-1"
                    + " to revert the last revision or -Dmigrate.target=base to revert all of them.");
        }
        if (sql) {
            rejectTenants("migrate.sql");
            OfflineScript.write(context, "downgrade", outputFile, context.offlineMigrator().downgradeSql(target));
            return;
        }
        if (tenantGoal().configured()) {
            tenantGoal().run(context, "downgrade", (migrator, tenants, run) -> migrator.downgradeTenants(tenants, target, run),
                    dev.migrate.tenant.TenantOutcome::describe, report -> TenantGoal.writeReport(context, outputFile, "downgrade",
                            target, report));
            return;
        }
        RunResultLog.log(context.log(), "downgrade", target,
                RunReport.runAndReport(context, "downgrade", target, outputFile, migrator -> migrator.downgrade(target)));
    }
}
