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
}
