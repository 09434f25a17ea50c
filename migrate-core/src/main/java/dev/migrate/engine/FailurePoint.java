package dev.migrate.engine;

/**
 * Where in a revision a failure happened: one of its statements, or one of the steps the engine
 * takes around them. The failure message names it ({@link #text()}), and the kind decides what
 * the message can say: a failed commit may be a deferred constraint, a connection lost at the
 * commit leaves the revision's fate unknown, and a failed check of a version-table change
 * ({@link #checkedChange()}, else null) means the table changed behind migrate's back.
 */
record FailurePoint(Kind kind, String text, String checkedChange) {

    enum Kind {
        /** A statement of the revision (or of its bookkeeping sent with it). */
        STATEMENT,
        /** The version-table change (and history row) checked in the database. */
        VERSION_CHANGE,
        /** The revision's commit. */
        COMMIT,
        /** The revision's {@code withConnection} code. */
        CALLBACK,
        /** A batch of statements whose failing member the driver did not name. */
        BATCH
    }

    private static final String VERSION_CHANGE_TEXT = "(version table change)";
    static final FailurePoint VERSION_CHANGE = new FailurePoint(Kind.VERSION_CHANGE, VERSION_CHANGE_TEXT, null);
    static final FailurePoint COMMIT = new FailurePoint(Kind.COMMIT, "(commit)", null);
    static final FailurePoint CALLBACK = new FailurePoint(Kind.CALLBACK, "(withConnection callback)", null);
    /** Before the revision's first statement. */
    static final FailurePoint START = statement("");

    static FailurePoint statement(String sql) {
        return new FailurePoint(Kind.STATEMENT, sql, null);
    }

    /**
     * The version-table change {@code what} (e.g. {@code update a to b}) fused with a check in the
     * database that it touched one row: that check failing means the table changed behind migrate's back.
     */
    static FailurePoint checkedVersionChange(String what) {
        return new FailurePoint(Kind.VERSION_CHANGE, VERSION_CHANGE_TEXT, what);
    }

    /** A batch of {@code size} statements failed and the driver did not say which; {@code lost}: not a statement's error. */
    static FailurePoint unnamedInBatch(int size, boolean lost) {
        return new FailurePoint(Kind.BATCH, "(one of " + size + " statements sent as one batch"
                + (lost ? ")" : "; the driver did not say which)"), null);
    }

    boolean atCommit() {
        return kind == Kind.COMMIT;
    }
}
