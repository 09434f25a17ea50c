package dev.migrate.dialect;

import java.util.Optional;

/**
 * A named session-level lock (PostgreSQL's advisory lock, MySQL's {@code GET_LOCK}) that the server
 * releases when the session ends, so a crashed run leaves nothing behind. Databases without one use
 * the lock table ({@link BookkeepingSql#lockRow}). Each statement returns one row whose first column
 * is true (or 1) when the call succeeded.
 */
public interface RunLock {

    /** Takes the lock {@code name} without waiting; one row, true when it is now held by this session. */
    SqlStatement tryLock(String name);

    /** Releases the lock {@code name}. */
    SqlStatement unlock(String name);

    /**
     * The sessions holding the lock {@code name}, for "who holds it" in messages; one row each: session
     * id, application name, client address (null when local), state (null when not visible), current or
     * last query, seconds in that state. Empty when the database cannot tell.
     */
    Optional<SqlStatement> holders(String name);

    /**
     * {@link #tryLock(String)} for a version table in {@code schema} (null: the session's default). A
     * database whose lock names are server-wide scopes them by the schema given here, never by the
     * session's current one, which a reused connection may have switched for another tenant.
     */
    default SqlStatement tryLock(String name, String schema) {
        return tryLock(name);
    }

    /** {@link #unlock(String)} for a version table in {@code schema}; see {@link #tryLock(String, String)}. */
    default SqlStatement unlock(String name, String schema) {
        return unlock(name);
    }

    /** {@link #holders(String)} for a version table in {@code schema}; see {@link #tryLock(String, String)}. */
    default Optional<SqlStatement> holders(String name, String schema) {
        return holders(name);
    }
}
