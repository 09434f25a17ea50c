package dev.migrate.maven;

import dev.migrate.AppliedRevision;
import dev.migrate.RunResult;
import dev.migrate.graph.Direction;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Logs what a run did: one line per revision (id, message, time) and a summary line. */
final class RunResultLog {

    private RunResultLog() {
    }

    static void log(Log log, String action, String target, RunResult result) {
        Duration total = Duration.ZERO;
        for (AppliedRevision revision : result.applied()) {
            total = total.plus(revision.duration());
            String verb = revision.direction() == Direction.UP ? "Upgraded" : "Downgraded";
            log.info(verb + " " + revision.id() + " " + revision.message() + " (" + revision.duration().toMillis() + " ms)");
        }
        String now = heads(result.headsAfter());
        if (result.applied().isEmpty()) {
            log.info("Nothing to " + action + ": the database is already at " + target + " (" + now + ").");
            return;
        }
        int count = result.applied().size();
        log.info(capitalize(action) + " to " + target + ": " + count + (count == 1 ? " revision" : " revisions")
                + " in " + total.toMillis() + " ms; the database is now at " + now + ".");
    }

    static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
