package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session-level named lock (the dialect's {@link RunLock}: PostgreSQL's advisory lock, MySQL's
 * GET_LOCK), named after the version table's qualified name. Its connection stays in autocommit, so
 * it is never "idle in transaction": PostgreSQL's {@code CREATE INDEX CONCURRENTLY} waits for older
 * transactions and would otherwise wait for this one forever. The server releases the lock when the
 * session dies, so a crashed run cannot leave it behind. The work-session lock
 * ({@link DatabaseLock#acquireWorkSession}) is the same kind of lock under a second name, held by the
 * connection that runs the revisions.
 */
final class NamedLock extends DatabaseLock {

    private final RunLock runLock;
    private final Optional<SessionControl> sessionControl;
    private final String lockName;
    /** The version table's schema, or null for the session's default. */
    private final String schema;
    private final boolean workSession;
    /** Set when {@link #endHolders} ended every holder: the wait that follows is theirs to exit, not news. */
    private boolean endedAll;

    NamedLock(Connection connection, Dialect dialect, RunLock runLock, BookkeepingTables tables, boolean workSession)
            throws SQLException {
        super(connection, dialect, dialect.qualify(tables.schema(), tables.version()));
        connection.setAutoCommit(true);
        this.runLock = runLock;
        this.sessionControl = dialect.sessionControl();
        this.lockName = lockName(dialect.qualify(tables.schema(), tables.version()), workSession);
        this.schema = tables.schema();
        this.workSession = workSession;
    }

    /** {@code migrate:<qualified version table>}, or {@code migrate-work:...} for the work-session lock. */
    static String lockName(String qualifiedVersionTable, boolean workSession) {
        return (workSession ? "migrate-work:" : "migrate:") + qualifiedVersionTable;
    }

    @Override
    protected boolean tryLock(Duration wait) throws SQLException {
        return queryBoolean(runLock.tryLock(lockName, schema));
    }

    @Override
    protected void unlock() throws SQLException {
        if (workSession && !connection.getAutoCommit()) {
            // Everything the run keeps is committed; what is open here is at most a failed revision's
            // leftover. Back to autocommit, so a pooled connection is not returned idle in transaction.
            connection.rollback();
            connection.setAutoCommit(true);
        }
        queryBoolean(runLock.unlock(lockName, schema));
    }

    private boolean queryBoolean(SqlStatement statement) throws SQLException {
        try (PreparedStatement query = JdbcSink.prepare(connection, statement); ResultSet row = query.executeQuery()) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** A session holding the lock: its process id and how messages describe it. */
    private record Holder(int pid, String text) {
    }

    /** "held by session pid 123 (application 'migrate', client 10.0.0.5, active for 40 s: SELECT ...)". */
    @Override
    protected String holders() {
        List<Holder> sessions = sessions();
        return sessions.isEmpty() ? "" : "held by " + texts(sessions);
    }

    private static String texts(List<Holder> sessions) {
        return String.join("; ", sessions.stream().map(Holder::text).toList());
    }

    /**
     * Ends the sessions holding the work-session lock, each reported; one the database refuses to
     * end (a session of another role, without pg_signal_backend) is left for the wait that follows.
     */
    void endHolders(MigrationListener listener) {
        List<Holder> holders = sessions();
        if (sessionControl.isEmpty()) {
            return;
        }
        int ended = 0;
        for (Holder holder : holders) {
            try {
                if (JdbcSink.answer(connection, sessionControl.get().endSession(holder.pid()))) {
                    listener.on(new MigrationEvent.SessionEnded(name(), holder.text()));
                    ended++;
                }
            } catch (SQLException e) {
                // Not allowed to end it: the wait names the session and how to end it by hand.
            }
        }
        endedAll = !holders.isEmpty() && ended == holders.size();
    }

    /** The sessions holding the lock; empty when the database does not say. */
    private List<Holder> sessions() {
        Optional<SqlStatement> statement = runLock.holders(lockName, schema);
        if (statement.isEmpty()) {
            return List.of();
        }
        List<Holder> sessions = new ArrayList<>();
        try (PreparedStatement query = JdbcSink.prepare(connection, statement.get()); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sessions.add(new Holder(rows.getInt(1), session(rows)));
            }
        } catch (SQLException | RuntimeException e) {
            return List.of(); // who holds it is a courtesy; the wait's own message stands without it
        }
        return sessions;
    }

    private static String session(ResultSet row) throws SQLException {
        StringBuilder text = new StringBuilder("session pid ").append(row.getInt(1)).append(" (");
        if (row.getString(2) == null && row.getString(3) == null && row.getString(4) == null) {
            // The database names the session but shows nothing of it to this user (another user's session).
            return text.append("another user's session, whose details this user may not see)").toString();
        }
        String application = row.getString(2);
        if (application != null) {
            // MariaDB's process list records no application name: "application ''" would only puzzle.
            text.append("application '").append(application).append("', ");
        }
        String client = row.getString(3);
        text.append("client ").append(client == null ? "local" : client);
        String state = row.getString(4);
        if (state != null) {
            text.append(", ").append(state).append(" for ").append(row.getLong(6)).append(" s");
            String query = row.getString(5);
            if (query != null && !query.isBlank()) {
                text.append(": ").append(SqlStatement.excerpt(query));
            }
        }
        return text.append(")").toString();
    }

    @Override
    protected MigrationEvent waiting(Duration timeout) {
        if (!workSession) {
            return super.waiting(timeout);
        }
        return endedAll ? null : new MigrationEvent.SessionWaiting(name(), holders(), timeout);
    }

    @Override
    protected MigrateException timedOut(Duration timeout) {
        List<Holder> sessions = sessions();
        if (!workSession) {
            MigrateException plain = super.timedOut(timeout);
            if (sessions.isEmpty() || sessionControl.isEmpty()) {
                return plain;
            }
            // A run whose machine froze or dropped off the network keeps its session, and the lock, until the
            // server notices (TCP keepalive, often hours): waiting longer does not help then, ending it does.
            String pid = sessions.size() == 1 ? String.valueOf(sessions.get(0).pid()) : "<pid>";
            return new MigrateException(plain.getMessage() + " If that run is gone (its process killed or its machine"
                    + " lost) while the server keeps its session, end the session with "
                    + sessionControl.get().endSessionByHand(pid) + " and run again.");
        }
        String pid = sessions.size() == 1 ? String.valueOf(sessions.get(0).pid()) : "<pid>";
        return new MigrateException("Gave up after waiting " + timeout.toMillis() + " ms for the database session of"
                + " another migrate run on " + name() + " to end"
                + (sessions.isEmpty() ? "" : " (held by " + texts(sessions) + ")")
                + ". That run's lock connection is gone (the run was killed, or its connection dropped) but its work"
                + " session is still open on the server, most likely finishing a statement, and this user may not end"
                + " it; the server rolls back its open transaction when the session ends. This run changed nothing. Wait for that statement to finish, end the session"
                + sessionControl.map(control -> " with " + control.endSessionByHand(pid)).orElse("")
                + ", or raise migrate.lockTimeout (for example -Dmigrate.lockTimeout=5m).");
    }
}
