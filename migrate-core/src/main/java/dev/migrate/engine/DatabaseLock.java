package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.RunLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The run lock that serializes concurrent runs on one database; taken before the version table is
 * read and held on a dedicated connection until {@link #close()}. Implementations poll with a
 * bounded wait (Flyway's advisory-lock template) so waiting can be reported and given up.
 */
abstract sealed class DatabaseLock implements AutoCloseable permits NamedLock, LockTableLock {

    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 1000;

    protected final Connection connection;
    protected final Dialect dialect;
    private final String name;

    DatabaseLock(Connection connection, Dialect dialect, String name) {
        this.connection = connection;
        this.dialect = dialect;
        this.name = name;
    }

    /** The lock that fits the dialect's capabilities, taken on {@code connection}, or a timeout error. */
    static DatabaseLock acquire(Connection connection, Dialect dialect, BookkeepingTables tables, Duration timeout,
            MigrationListener listener) throws SQLException {
        Optional<RunLock> runLock = dialect.runLock();
        DatabaseLock lock = runLock.isPresent()
                ? new NamedLock(connection, dialect, runLock.get(), tables, false)
                : new LockTableLock(connection, dialect, tables);
        lock.waitFor(timeout, System.nanoTime(), listener);
        return lock;
    }

    /**
     * With a named run lock, a second lock held by the run's work connection (the one that runs the
     * revisions), taken after the run lock; null on other databases. The run lock lives on its own
     * session, so it can end while the work session goes on: a run killed in the middle of a long
     * statement leaves its work session running on the server until that statement ends, and a
     * run whose lock connection dropped still runs revisions. This lock keeps the next run from
     * working beside such a session: holding the run lock, it ends the session (no run can commit
     * there any more: a killed client never will, a cut-off run stops at its next revision), and
     * when the database refuses that (another role's session), waits for it, visibly and bounded.
     */
    static DatabaseLock acquireWorkSession(Connection work, Dialect dialect, BookkeepingTables tables, Duration timeout,
            long startNanos, MigrationListener listener) throws SQLException {
        Optional<RunLock> runLock = dialect.runLock();
        if (runLock.isEmpty()) {
            return null;
        }
        NamedLock lock = new NamedLock(work, dialect, runLock.get(), tables, true);
        if (lock.tryLock(Duration.ZERO)) {
            // The usual case: nothing to report, the run lock's own event already said "acquired".
            return lock;
        }
        lock.endHolders(listener);
        DatabaseLock waiting = lock;
        waiting.waitFor(timeout, startNanos, listener);
        return lock;
    }

    /**
     * True while this lock's session is alive, and so still holds the lock (only {@link #close()}
     * releases it otherwise). One round trip; false when the connection is gone or does not answer
     * within {@code seconds}.
     */
    boolean stillHeld(int seconds) {
        try {
            return connection.isValid(seconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The lock's name in messages: the version table's qualified name. */
    String name() {
        return name;
    }

    /** Who holds the lock now, for messages ("session pid 123 ..."); empty when the database cannot tell. */
    protected String holders() {
        return "";
    }

    /** The event that reports the start of a wait; null when nothing needs saying. */
    protected MigrationEvent waiting(Duration timeout) {
        return new MigrationEvent.LockWaiting(name, timeout);
    }

    /** One attempt; true when the lock is now held. May block for at most {@code wait}. */
    protected abstract boolean tryLock(Duration wait) throws SQLException;

    /** Releases the lock; the connection is closed by the caller. */
    protected abstract void unlock() throws SQLException;

    /** Polls until the lock is held or {@code timeout} has passed since {@code start} (System.nanoTime()). */
    private void waitFor(Duration timeout, long start, MigrationListener listener) throws SQLException {
        long deadline = start + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        boolean reported = false;
        while (!tryLock(Duration.ofMillis(pause))) {
            if (!reported) {
                MigrationEvent waiting = waiting(timeout);
                if (waiting != null) {
                    listener.on(waiting);
                }
                reported = true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut(timeout);
            }
            sleep(Math.min(pause, Duration.ofNanos(left).toMillis() + 1));
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
        listener.on(new MigrationEvent.LockAcquired(name, reported ? Duration.ofNanos(System.nanoTime() - start) : Duration.ZERO));
    }

    /** The error when the wait ran out; names {@code migrate.lockTimeout} and says nothing was changed. */
    protected MigrateException timedOut(Duration timeout) {
        String holders = holders();
        return new MigrateException("Gave up after waiting " + timeout.toMillis() + " ms for the migrate lock on " + name
                + ": another migrate run on this database holds it" + (holders.isEmpty() ? "" : " (" + holders + ")")
                + ". This run changed nothing. Let that run finish, or raise migrate.lockTimeout"
                + " (for example -Dmigrate.lockTimeout=5m).");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while waiting for the migrate lock; nothing was changed.", e);
        }
    }

    /**
     * Releases the lock. A failure here is not reported: the caller closes the lock's connection
     * next, and the database drops the lock with its session, so throwing would only turn a
     * successful run into a failed one (or bury the run's own failure).
     */
    @Override
    public void close() {
        try {
            unlock();
        } catch (SQLException | RuntimeException e) {
            // Released with the session when the connection closes.
        }
    }
}
