package dev.migrate;

import dev.migrate.graph.Direction;

/**
 * A revision's statement failed; the revision's transaction was rolled back and earlier revisions
 * stay applied. Keeps what a user needs to find the fault: revision, class, statement, SQLState,
 * vendor code and the database's message; {@link #connectionLost()} tells a lost connection (the
 * revision was not at fault, and running again is safe) from a failing statement.
 */
public final class RevisionFailedException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final String revision;
    private final Direction direction;
    private final String sqlState;
    private final int vendorCode;
    private final String statement;
    private final boolean connectionLost;

    public RevisionFailedException(String message, String revision, Direction direction, String sqlState, int vendorCode,
            Throwable cause) {
        this(message, revision, direction, sqlState, vendorCode, null, false, cause);
    }

    /**
     * @param statement      the statement that was running (full text), or null when unknown
     * @param connectionLost true when the connection to the database was lost, not the statement refused
     */
    public RevisionFailedException(String message, String revision, Direction direction, String sqlState, int vendorCode,
            String statement, boolean connectionLost, Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.direction = direction;
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
        this.statement = statement;
        this.connectionLost = connectionLost;
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

    /** The statement that was running when the revision failed, or null when unknown. */
    public String statement() {
        return statement;
    }

    /** True when the connection was lost (server restart, session terminated, network), not the statement refused. */
    public boolean connectionLost() {
        return connectionLost;
    }
}
