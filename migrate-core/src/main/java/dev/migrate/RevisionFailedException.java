package dev.migrate;

import dev.migrate.graph.Direction;

/**
 * A revision's statement failed; the revision's transaction was rolled back and earlier revisions
 * stay applied. Keeps what a user needs to find the fault: revision, class, statement, SQLState,
 * vendor code and the database's message.
 */
public final class RevisionFailedException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final String revision;
    private final Direction direction;
    private final String sqlState;
    private final int vendorCode;

    public RevisionFailedException(String message, String revision, Direction direction, String sqlState, int vendorCode,
            Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.direction = direction;
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    public String revision() {
        return revision;
    }

    public Direction direction() {
        return direction;
    }

    /** The database's SQLState, or null when the failure was not a database error. */
    public String sqlState() {
        return sqlState;
    }

    public int vendorCode() {
        return vendorCode;
    }
}
