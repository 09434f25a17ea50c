package dev.migrate.dialect;

/**
 * What one database's errors mean, so the engine decides by meaning ("the table is missing", "the
 * session is gone") instead of by SQLStates and vendor codes of its own.
 */
public interface DatabaseErrors {

    /**
     * True when a database error means that a table (or its schema) does not exist, as when
     * migrate's own tables are read before the first run. Other errors, a missing privilege
     * above all, must not pass for "nothing applied yet".
     */
    boolean isMissingTable(String sqlState, int vendorCode);

    /**
     * True when a database error means that a column a statement names does not exist: on migrate's own
     * tables, that a table of that name is another tool's. The SQL standard's 42S22 by default.
     */
    default boolean isMissingColumn(String sqlState, int vendorCode) {
        return "42S22".equals(sqlState);
    }

    /** True when a statement gave up waiting for a lock another session holds (a bounded lock wait ran out). */
    boolean isLockBusy(String sqlState, int vendorCode);

    /**
     * True when the error says the session is gone (the server ended it, restarted, or the
     * network dropped) rather than that the database refused a statement. Class 08 (connection
     * exception) is decided by the engine; this names the database's own codes.
     */
    default boolean isLostSession(String sqlState, int vendorCode) {
        return false;
    }

    /** True when a database error is the failed row-count check of {@link BookkeepingSql#checkedVersionChange}. */
    default boolean isVersionCheckFailure(String sqlState) {
        return false;
    }

    /** True when the error is a duplicate key (the loser of two runs inserting the same bookkeeping row). */
    default boolean isDuplicateKey(String sqlState, int vendorCode) {
        return sqlState != null && sqlState.startsWith("23");
    }

    /**
     * Advice for a statement that failed with this database error, when its usual cause is known;
     * empty otherwise. Appended to the revision's failure message.
     *
     * @param sqlState   the error's SQLState, may be null
     * @param vendorCode the database's own error code
     * @param message    the database's error message, may be null
     */
    default String failureHint(String sqlState, int vendorCode, String message) {
        return "";
    }

    /** Advice for a COMMIT the database refused; empty when the database has no deferred checks. */
    default String deferredCommitHint() {
        return "";
    }

    /**
     * The message when a bookkeeping statement gave up waiting for a table lock on migrate's tables
     * ({@link #isLockBusy}): who may hold it and where to look. Ends without a full stop.
     */
    default String lockBusyAdvice() {
        return "Another session holds a lock on them (a LOCK TABLE, or a long transaction that changed them)";
    }
}
