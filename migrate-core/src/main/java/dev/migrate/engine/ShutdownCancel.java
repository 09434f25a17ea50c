package dev.migrate.engine;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SessionControl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) in the middle of a run (where the dialect has session control: PostgreSQL, MariaDB): a JVM shutdown hook cancels the
 * statement the work session is running, from the idle lock connection, and gives the run a few
 * seconds to roll back and record the attempt. Without it the server would go on running that
 * statement (an index build, a table rewrite, holding its locks over live traffic) until it
 * ended, although no client waits for it any more. {@code kill -9} runs no hook; the next run
 * then waits for that session instead (see {@link DatabaseLock#acquireWorkSession}).
 */
final class ShutdownCancel implements AutoCloseable {

    private static final long ROLLBACK_WAIT_SECONDS = 5;

    /** Runs in progress in this JVM, for tests that play the shutdown. */
    private static final Set<ShutdownCancel> ACTIVE = ConcurrentHashMap.newKeySet();

    private final Connection lockConnection;
    private final SessionControl control;
    private final int workSession;
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Set by the hook: the run starts no further statement (see {@link StepGuard#stopRequested}). */
    private volatile boolean requested;

    private ShutdownCancel(Connection lockConnection, SessionControl control, int workSession) {
        this.lockConnection = lockConnection;
        this.control = control;
        this.workSession = workSession;
        this.hook = new Thread(this::cancelAndWait, "migrate-shutdown-cancel");
    }

    /**
     * Registers the hook for a run whose revisions go through {@code work}; a no-op (null) where the
     * database has no named run lock (the lock connection is then not idle) or cannot cancel a statement.
     */
    static ShutdownCancel register(Connection lockConnection, Connection work, Dialect dialect) throws SQLException {
        Optional<SessionControl> control = dialect.sessionControl();
        if (dialect.runLock().isEmpty() || control.isEmpty()) {
            return null;
        }
        ShutdownCancel cancel = new ShutdownCancel(lockConnection, control.get(),
                JdbcSink.number(work, control.get().sessionId()));
        Runtime.getRuntime().addShutdownHook(cancel.hook);
        ACTIVE.add(cancel);
        return cancel;
    }

    /** The runs in progress in this JVM (tests play the JVM shutdown with {@link #cancelAndWait()}). */
    static Set<ShutdownCancel> active() {
        return Set.copyOf(ACTIVE);
    }

    /** What the hook does: cancel the work session's statement, then wait (bounded) for the run to wind up. */
    void cancelAndWait() {
        requested = true;
        try {
            JdbcSink.answer(lockConnection, control.cancelStatement(workSession));
            finished.await(ROLLBACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (SQLException | RuntimeException e) {
            // The JVM is going down; the server ends the session on its own when the statement ends.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the hook ran: the JVM is going down and the run must not start another statement. */
    boolean requested() {
        return requested;
    }

    /** The run is over (committed, failed or rolled back): the hook is no longer needed. */
    @Override
    public void close() {
        finished.countDown();
        ACTIVE.remove(this);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutdown in progress: the hook is running or about to, and returns at once now.
        }
    }
}
