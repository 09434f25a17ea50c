package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.RunResult;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the version table without running any revision (Alembic's {@code stamp}): for a database
 * whose schema was created another way, or to repair the table.
 *
 * @since 0.1.0
 */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class StampMojo extends AbstractRunMojo {

    /**
     * The revisions the version table should say, comma-separated (required): {@code head}, {@code heads},
     * {@code base}, ids or prefixes. Offline ({@code migrate.sql}) the script starts from base, or from the
     * start of the targets' ranges ({@code b:c,b:e}; all ranges share one start).
     * Example: {@code -Dmigrate.target=ae1027a6acf0,27c6a30d7c24}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.target")
    protected String target;

    /**
     * Empty the version table first, so the stamp does not depend on what it said before.
     * Not with {@code migrate.sql} (an offline script reads no rows to purge). Default {@code false}.
     * Example: {@code -Dmigrate.purge}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.purge", defaultValue = "false")
    protected boolean purge;

    @Override
    protected void run(MigrateContext context) throws IOException {
        rejectTenants("migrate:stamp");
        List<String> targets = targets();
        if (sql) {
            OfflineScript.write(context, "stamp", outputFile, context.offlineMigrator().stampSql(targets, purge));
            return;
        }
        RunResult result = RunReport.runAndReport(context, "stamp", target, outputFile,
                migrator -> migrator.stamp(targets, purge));
        context.log().info("Stamped " + String.join(", ", targets) + (purge ? " (purged first)" : "")
                + ": the version table said " + RunResultLog.heads(result.headsBefore())
                + " and now says " + RunResultLog.heads(result.headsAfter()) + ". No revision was run.");
    }

    private List<String> targets() {
        List<String> targets = target == null ? List.of()
                : Arrays.stream(target.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (targets.isEmpty()) {
            throw new MigrateException("migrate:stamp needs a target: set migrate.target, e.g. -Dmigrate.target=head,"
                    + " or several revisions separated by commas.");
        }
        return targets;
    }
}
