package dev.migrate.maven;

import dev.migrate.MigrationEvent;
import dev.migrate.MigrationEvent.LockAcquired;
import dev.migrate.MigrationEvent.RevisionFinished;
import dev.migrate.MigrationEvent.RevisionStarted;
import dev.migrate.MigrationListener;
import dev.migrate.graph.Direction;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns the engine's progress events into Maven log lines as they happen: one line per finished
 * revision (id, message, time), and whatever explains a wait or a long step (lock waits, batch
 * progress, statements outside a transaction). Bookkeeping events go to the debug level; the goal
 * prints the summary line from the run's result.
 */
final class MavenLogListener implements MigrationListener {

    private final Log log;
    private final Map<String, String> messages = new HashMap<>();

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void on(MigrationEvent event) {
        if (event instanceof RevisionStarted started) {
            messages.put(started.id(), started.message());
            log.debug(event.describe());
        } else if (event instanceof RevisionFinished finished) {
            log.info(revisionLine(finished));
        } else if (event.isWarning()) {
            log.warn(event.describe());
        } else if (event instanceof LockAcquired acquired && acquired.waited().isZero()
                || event instanceof MigrationEvent.Planned
                || event instanceof MigrationEvent.Stamped) {
            log.debug(event.describe());
        } else {
            log.info(event.describe());
        }
    }

    /**
     * The listener of a run over tenants, which prints a line per tenant instead of per revision: every
     * event goes to debug except what a run did to someone else's session (ending or waiting for the work
     * session of a killed run, whose lock names the tenant's schema) and the warnings.
     */
    static MigrationListener forTenants(Log log) {
        return event -> {
            if (event instanceof MigrationEvent.SessionEnded || event instanceof MigrationEvent.SessionWaiting) {
                log.info(event.describe());
            } else if (event.isWarning()) {
                log.warn(event.describe());
            } else {
                log.debug(event.describe());
            }
        };
    }

    private String revisionLine(RevisionFinished finished) {
        String verb = finished.direction() == Direction.UP ? "Upgraded " : "Downgraded ";
        String message = messages.getOrDefault(finished.id(), "");
        return verb + finished.id() + (message.isEmpty() ? "" : " " + message) + " (" + finished.duration().toMillis()
                + " ms)";
    }
}
