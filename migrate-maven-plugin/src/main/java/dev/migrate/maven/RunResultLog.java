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

    static void log(Log log, String action, String target, RunResult result) {
        String now = heads(result.headsAfter());
        if (result.applied().isEmpty()) {
            log.info("Nothing to " + action + ": the database is already at " + target + " (" + now + ").");
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
