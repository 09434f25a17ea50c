package dev.migrate.dialect;

/**
 * Acting on another session of the same database: cancelling its statement (Ctrl-C on a run) and
 * ending it (a killed run's session still holding its work). Each statement answers with one row whose
 * first column is a number (the id) or true when it succeeded, or with no result set at all.
 */
public interface SessionControl {

    /** This session's id on the server. */
    SqlStatement sessionId();

    /** Cancels the statement that session {@code id} is running. */
    SqlStatement cancelStatement(int id);

    /** Ends session {@code id}, rolling back its open transaction. */
    SqlStatement endSession(int id);

    /** What a user runs by hand to end session {@code id} (the id may be a placeholder such as {@code <id>}). */
    String endSessionByHand(String id);

    /**
     * Keeps this session open however long it stays idle: a run's lock connection idles while a revision
     * runs for hours, and a server that closed it for idleness (MariaDB's {@code wait_timeout}) would
     * release the run lock under the running revision. Empty when the database closes no idle session
     * by default.
     */
    default java.util.List<SqlStatement> keepOpenWhileIdle() {
        return java.util.List.of();
    }

    /** Undoes {@link #keepOpenWhileIdle()}, before a pooled connection goes back to its pool. */
    default java.util.List<SqlStatement> restoreIdleTimeout() {
        return java.util.List.of();
    }
}
