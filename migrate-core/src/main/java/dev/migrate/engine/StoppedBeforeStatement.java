package dev.migrate.engine;

import java.sql.SQLException;

/**
 * A statement a run did not start because it was asked to stop (Ctrl-C, SIGTERM): the revision fails
 * there as if the statement had been canceled, rolls back what is open and records what took effect, but
 * the revision is not at fault, so the message gives no SQLState or hint and does not say to fix it.
 */
final class StoppedBeforeStatement extends SQLException {

    private static final long serialVersionUID = 1L;

    StoppedBeforeStatement() {
        super("this run was asked to stop (Ctrl-C or SIGTERM) before this statement, which did not run");
    }
}
