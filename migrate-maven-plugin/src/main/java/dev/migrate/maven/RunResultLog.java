package dev.migrate.maven;

import dev.migrate.AppliedRevision;
import dev.migrate.RunResult;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Logs the summary line of a run; the per-revision lines come from {@link MavenLogListener} while it runs. */
final class RunResultLog {

    private RunResultLog() {
    }

    static void log(Log log, String action, String givenTarget, RunResult result) {
        String target = givenTarget == null ? "head" : givenTarget.trim();
        String now = heads(result.headsAfter());
        // A target that is a version-table row (its id or a prefix of it) is where the database is.
        boolean atTarget = result.headsAfter().stream().anyMatch(head -> head.startsWith(target));
        if (result.applied().isEmpty() && "upgrade".equals(action) && !"head".equals(target) && !"heads".equals(target)
                && !atTarget) {
            // Alembic's rule: upgrading to a revision already applied (even one below the current
            // revision) does nothing; say so rather than claim the database is "at" the target.
            log.info("Nothing to upgrade: target '" + target + "' is already applied; the database is at " + now
                    + ". To go back to it, use migrate:downgrade -Dmigrate.target=" + target + ".");
            return;
        }
        if (result.applied().isEmpty()) {
            // "already at 0a5e1d2c3b4f (0a5e1d2c3b4f)" says nothing twice; a symbolic target gets its revision.
            log.info("Nothing to " + action + ": the database is already at " + target
                    + (target.equals(now) ? "" : " (" + now + ")") + ".");
            return;
        }
        Duration total = result.applied().stream().map(AppliedRevision::duration).reduce(Duration.ZERO, Duration::plus);
        int count = result.applied().size();
        log.info(Character.toUpperCase(action.charAt(0)) + action.substring(1) + " to " + target + ": " + count
                + (count == 1 ? " revision" : " revisions") + " in " + total.toMillis() + " ms; the database is now at "
                + now + ".");
    }

    static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
