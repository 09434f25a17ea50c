package dev.migrate.engine;

import dev.migrate.AppliedRevision;
import dev.migrate.ChangedRevision;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.RevisionFailedException;
import dev.migrate.RunResult;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Plan;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs against a live database: takes the run lock on a dedicated connection, creates migrate's
 * tables on first use, reads the version table under the lock, plans from what it read (so a run
 * that waited for another one sees its result and finds nothing left), and executes.
 */
final class OnlineRun {

    private static final int LOCK_NETWORK_TIMEOUT_MILLIS = 60_000;
    /** How long the check before each revision waits for the lock connection to answer. */
    private static final int LOCK_CHECK_SECONDS = 10;
    /** Default for how often, at most, a run checks its lock connection between revisions. */
    static final Duration LOCK_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final ConnectionSource connections;
    private final Dialect configuredDialect;
    /** The dialect of the last connection opened, for errors raised outside a dialect's reach. */
    private volatile Dialect resolvedDialect;
    private final EngineSettings settings;
    private final Function<String, IndexedRevision> revisions;
    private Duration lockCheckInterval = LOCK_CHECK_INTERVAL;

    /**
     * @param dialect   the dialect, or null to take it from the first connection's metadata URL
     * @param revisions looks up the revision of a plan step by id
     */
    OnlineRun(ConnectionSource connections, Dialect dialect, EngineSettings settings,
            Function<String, IndexedRevision> revisions) {
        this.connections = new WaitingConnectionSource(connections, settings);
        this.configuredDialect = dialect;
        this.settings = settings;
        this.revisions = revisions;
    }

    /** Checks the lock connection before every revision at most this often (tests use zero: every revision). */
    OnlineRun checkingLockEvery(Duration interval) {
        this.lockCheckInterval = interval;
        return this;
    }

    /** Plans from the version table's rows (read under the lock) and runs the plan. */
    RunResult run(Function<List<String>, Plan> planner) {
        return run(planner, false);
    }

    /**
     * Like {@link #run(Function)}; with {@code answerWithoutLock}, first reads the version table
     * without the lock and, when it exists and {@code planner} finds nothing to do, answers at once:
     * no lock connection, no DDL, one query (the common "already at head" start-up). Otherwise
     * it plans again from the rows read under the lock, so a run that waited sees the other one's
     * result. {@code planner} must then have no side effects, since it may be called twice.
     */
    RunResult run(Function<List<String>, Plan> planner, boolean answerWithoutLock) {
        try (Connection work = connections.open()) {
            Dialect dialect = dialect(work);
            if (answerWithoutLock) {
                RunResult done = nothingToDo(work, dialect, planner);
                if (done != null) {
                    return done;
                }
            }
            return locked(work, dialect, planned(planner));
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /** The no-op answer when the version table exists and the plan from its rows is empty; else null. */
    private RunResult nothingToDo(Connection work, Dialect dialect, Function<List<String>, Plan> planner)
            throws SQLException {
        if (missing(work, dialect, settings.tables().version())) {
            return null; // first run: the locked path creates the tables
        }
        List<String> before;
        try {
            before = new VersionTable(dialect, settings.tables()).readWaitingAtMost(work, settings.lockTimeout());
        } catch (SQLException e) {
            if (dialect.isMissingTable(e.getSQLState(), e.getErrorCode())) {
                return null; // first run: the locked path creates the tables
            }
            throw e;
        }
        Plan plan;
        try {
            plan = planner.apply(before);
        } catch (MigrateException e) {
            return null; // decided under the lock, from rows no other run is changing
        }
        if (!plan.steps().isEmpty()) {
            return null;
        }
        settings.listener().on(new MigrationEvent.Planned(plan.direction(), before, List.of()));
        return new RunResult(List.of(), before, before);
    }

    private LockedWork<RunResult> planned(Function<List<String>, Plan> planner) {
        return (work, dialect, guard) -> {
            JdbcSink sink = new JdbcSink(work);
            List<String> before = new VersionTable(dialect, settings.tables()).readWaitingAtMost(work,
                    settings.lockTimeout());
            Plan plan = planner.apply(before);
            settings.listener().on(new MigrationEvent.Planned(plan.direction(), before,
                    plan.steps().stream().map(PlanStep::revision).map(r -> r.id()).toList()));
            PlanRunner runner = PlanRunner.online(dialect, sink, settings, revisions, work.getMetaData().getUserName())
                    .guardedBy(guard)
                    .resuming(BackfillProgress.read(work, dialect, settings.tables()));
            try {
                List<AppliedRevision> applied = runner.run(plan);
                return new RunResult(applied, before, runner.heads());
            } catch (RevisionFailedException e) {
                if (!e.connectionLost()) {
                    throw e;
                }
                recordOnNewConnection(runner.unrecordedFailure(), dialect);
                throw connectionLost(e, runner.failedAtCommit(), runner.lostConnectionProgress(), dialect, runner.heads());
            }
        };
    }

    /** Appends {@code entry} (a failed attempt whose connection was lost) on a new connection; silent if that fails too. */
    private void recordOnNewConnection(HistoryEntry entry, Dialect dialect) {
        if (entry == null) {
            return;
        }
        try (Connection connection = connections.open()) {
            JdbcSink sink = new JdbcSink(connection);
            new HistoryTable(dialect, settings.tables()).append(sink, entry);
            sink.commit();
        } catch (SQLException | RuntimeException e) {
            // The database is still out of reach; the failure message says so.
        }
    }

    /** The failure of a revision whose connection was lost, with the version table read again on a new connection. */
    private RevisionFailedException connectionLost(RevisionFailedException failed, boolean atCommit,
            RevisionFailures.StatementProgress progress, Dialect dialect, List<String> heads) {
        IndexedRevision revision = revisions.apply(failed.revision());
        String named = "'" + failed.revision() + "' (" + (revision == null ? "?" : revision.className()) + ")";
        List<String> reread = null;
        String unreachable = null;
        try {
            reread = current();
        } catch (MigrateException e) {
            unreachable = e.getMessage();
        }
        RevisionFailedException lost = RevisionFailures.connectionLost(failed, atCommit, progress, named, connections.where(),
                heads, dialect, reread, unreachable);
        lost.addSuppressed(failed);
        return lost;
    }

    /** Alembic's stamp: applies the version-table change {@code stamper} computes from the current rows. */
    RunResult stamp(Function<List<String>, VersionChange> stamper) {
        return locked((work, dialect, guard) -> {
            JdbcSink sink = new JdbcSink(work);
            VersionTable versionTable = new VersionTable(dialect, settings.tables());
            versionTable.boundLockWait(sink, settings.lockTimeout());
            java.time.OffsetDateTime started = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
            List<String> before = versionTable.read(work);
            VersionChange change = stamper.apply(before);
            versionTable.apply(sink, change, "(stamp)");
            List<String> after = versionTable.read(work);
            // Who moved the version table by hand, and when, in the same transaction as the move.
            new HistoryTable(dialect, settings.tables()).append(sink, new HistoryEntry(stampRow(before, after),
                    dev.migrate.graph.Direction.STAMP, null, 0, started, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), true,
                    work.getMetaData().getUserName(), MigrateVersion.current()));
            sink.commit();
            settings.listener().on(new MigrationEvent.Stamped(before, after));
            return new RunResult(List.of(), before, after);
        });
    }

    /**
     * The revision column of a stamp's history row: the rows before and after, e.g.
     * {@code 3a4f5c6d7e80 -> ae1027a6acf0}, {@code base} for none; cut to the column's 255 characters.
     */
    static String stampRow(List<String> before, List<String> after) {
        String text = rows(before) + " -> " + rows(after);
        return text.length() <= 255 ? text : text.substring(0, 252) + "...";
    }

    private static String rows(List<String> rows) {
        return rows.isEmpty() ? "base" : String.join(",", rows);
    }

    /** The version table's rows; empty when the table does not exist yet. Takes no lock and creates nothing. */
    List<String> current() {
        return readOnly(settings.tables().version(), (connection, dialect) -> new VersionTable(dialect, settings.tables())
                .readWaitingAtMost(connection, settings.lockTimeout()), List.of());
    }

    /** Revisions a run stopped inside, part of them committed for good; empty when none. Takes no lock and creates nothing. */
    List<dev.migrate.InterruptedRevision> interrupted() {
        return readOnly(settings.tables().progress(), (connection, dialect) -> BackfillProgress.read(connection, dialect,
                settings.tables()).interrupted(), List.of());
    }

    /** Every history row, oldest first; empty when migrate never ran here. */
    List<HistoryEntry> history() {
        return readOnly(settings.tables().history(), (connection, dialect) -> new HistoryTable(dialect, settings.tables())
                .read(connection), List.of());
    }

    /**
     * Applied revisions whose upgrade renders differently now (see {@link ChecksumDrift}); empty
     * when migrate never ran here. Takes no lock and creates nothing.
     *
     * @param known the revision with an id, or null when the code does not have it
     */
    List<ChangedRevision> changedRevisions(Function<String, IndexedRevision> known) {
        return readOnly(settings.tables().history(), (connection, dialect) -> ChecksumDrift.find(
                new HistoryTable(dialect, settings.tables()).read(connection), known, dialect, settings.tables().schema(),
                settings.renderCache()),
                List.of());
    }

    /** Work done on a connection; may throw SQLException. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection connection, Dialect dialect) throws SQLException;
    }

    /** Work done under the run lock; {@code guard} stops a plan whose lock was lost. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T apply(Connection work, Dialect dialect, StepGuard guard) throws SQLException;
    }

    private <T> T locked(LockedWork<T> body) {
        try (Connection work = connections.open()) {
            return locked(work, dialect(work), body);
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /**
     * Runs {@code body} on {@code work} while a second connection holds the run lock (and, with
     * advisory locks, {@code work} the work-session lock). Both waits share migrate.lockTimeout.
     */
    private <T> T locked(Connection work, Dialect dialect, LockedWork<T> body) throws SQLException {
        try (Connection lockConnection = connections.open()) {
            boundNetworkWait(lockConnection);
            // Both sessions hold a lock and may idle for long: the lock connection all through a long
            // revision, the work connection while this run waits for another one's lock.
            keepOpenWhileIdle(lockConnection, dialect);
            keepOpenWhileIdle(work, dialect);
            long start = System.nanoTime();
            try (DatabaseLock lock = DatabaseLock.acquire(lockConnection, dialect, settings.tables(),
                    settings.lockTimeout(), settings.listener());
                    DatabaseLock session = DatabaseLock.acquireWorkSession(work, dialect, settings.tables(),
                            settings.lockTimeout(), start, settings.listener());
                    ShutdownCancel onShutdown = ShutdownCancel.register(lockConnection, work, dialect)) {
                createTables(work, dialect);
                StepGuard guard = guard(lock);
                return body.apply(work, dialect, onShutdown == null ? guard : guard.stoppingWhen(onShutdown::requested,
                        settings.singleTransaction()));
            } finally {
                restoreIdleTimeout(work, dialect);
                restoreIdleTimeout(lockConnection, dialect);
            }
        }
    }

    /** See {@link dev.migrate.dialect.SessionControl#keepOpenWhileIdle()}. */
    private static void keepOpenWhileIdle(Connection connection, Dialect dialect) throws SQLException {
        if (dialect.sessionControl().isPresent()) {
            for (SqlStatement statement : dialect.sessionControl().get().keepOpenWhileIdle()) {
                JdbcSink.send(connection, statement);
            }
            endTransaction(connection);
        }
    }

    /**
     * Commits what a session setting opened on a connection in manual-commit mode: left open while
     * this run waits for the lock, that transaction would hold back a running run's
     * {@code CREATE INDEX CONCURRENTLY} (which waits for every older transaction) until the wait
     * times out.
     */
    private static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Undoes {@link #keepOpenWhileIdle} before a pooled connection goes back; quietly, as the connection may be gone. */
    private static void restoreIdleTimeout(Connection connection, Dialect dialect) {
        if (dialect.sessionControl().isEmpty()) {
            return;
        }
        try {
            for (SqlStatement statement : dialect.sessionControl().get().restoreIdleTimeout()) {
                JdbcSink.send(connection, statement);
            }
            endTransaction(connection);
        } catch (SQLException | RuntimeException e) {
            // A lost connection is closed next anyway; the run's own outcome is what matters.
        }
    }

    /**
     * Before a revision, checks that the lock connection is still alive (one round trip). Its
     * session ending releases the run lock, and another run may take it: this run then stops
     * before its next revision (the work-session lock keeps that other run waiting meanwhile, or
     * lets it end this run's work session, so two runs never work at once). The check runs at
     * most once per check interval, so a run of many small revisions pays no
     * round trip per revision for it; {@link #LOCK_CHECK_INTERVAL} by default.
     */
    private StepGuard guard(DatabaseLock lock) {
        long interval = lockCheckInterval.toNanos();
        long[] lastCheck = {System.nanoTime()};
        return (revision, heads) -> {
            long now = System.nanoTime();
            if (now - lastCheck[0] < interval) {
                return;
            }
            lastCheck[0] = now;
            if (!lock.stillHeld(LOCK_CHECK_SECONDS)) {
                throw new MigrateException("Stopped before revision '" + revision + "': the connection holding the migrate"
                        + " lock on " + lock.name() + " (to " + connections.where() + ") was lost, so this run no longer"
                        + " keeps other runs out. " + (settings.singleTransaction()
                                ? "The run's single transaction is rolled back, so the version table stays at "
                                : "Revisions before it are committed and the version table is at ")
                        + (heads.isEmpty() ? "base" : String.join(", ", heads)) + "; nothing of '" + revision + "' ran."
                        + " Running the goal again is safe: it continues from there.");
            }
        };
    }

    /**
     * The lock connection only ever sends tiny queries, so a server that stops answering there is
     * noticed within {@link #LOCK_NETWORK_TIMEOUT_MILLIS} instead of hanging the run (the work
     * connection has no such bound: a revision may legitimately run for hours).
     */
    private static void boundNetworkWait(Connection lockConnection) throws SQLException {
        try {
            lockConnection.setNetworkTimeout(Runnable::run, LOCK_NETWORK_TIMEOUT_MILLIS);
        } catch (SQLFeatureNotSupportedException e) {
            // Embedded databases have no network to wait on.
        }
    }

    /** migrate's own tables, then (with migrate.schema) that schema as the work session's default. */
    private void createTables(Connection work, Dialect dialect) throws SQLException {
        JdbcSink connection = new JdbcSink(work);
        // Where DDL is transactional the CREATE ... IF NOT EXISTS statements go in one round trip: a
        // tenant run creates these tables once per tenant.
        StatementSink sink = dialect.capabilities().transactionalDdl()
                ? new BatchingSink(connection, dialect.commitScriptTransaction()) : connection;
        VersionTable versionTable = new VersionTable(dialect, settings.tables());
        versionTable.create(sink, true);
        if (!dialect.capabilities().transactionalDdl()) {
            // A revision's DDL commits for good before its bookkeeping rows are written: a user who may create
            // tables but not write migrate's would be stopped only then, leaving DDL no version row accounts for.
            versionTable.probeWrites(sink);
        }
        if (settings.tables().schema() != null) {
            for (SqlStatement statement : dialect.useSchema(settings.tables().schema())) {
                sink.execute(statement);
            }
        }
        sink.commit();
    }

    /** Runs {@code body}, which reads {@code table}, in autocommit; {@code whenMissing} when migrate's tables do not exist yet. */
    private <T> T readOnly(String table, SqlWork<T> body, T whenMissing) {
        try (Connection connection = connections.open()) {
            Dialect dialect = dialect(connection);
            connection.setAutoCommit(true);
            if (missing(connection, dialect, table)) {
                return whenMissing;
            }
            try {
                return body.apply(connection, dialect);
            } catch (SQLException e) {
                if (dialect.isMissingTable(e.getSQLState(), e.getErrorCode())) {
                    return whenMissing;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /**
     * True when the dialect asks before reading ({@link dev.migrate.dialect.BookkeepingSql#countTables})
     * and migrate's {@code table} is not there; false where it does not ask (the read then tries and
     * catches the missing table).
     */
    private boolean missing(Connection connection, Dialect dialect, String table) throws SQLException {
        Optional<SqlStatement> count = dialect.countTables(settings.tables().schema(), table);
        if (count.isEmpty()) {
            return false;
        }
        try (PreparedStatement query = connection.prepareStatement(count.get().sql())) {
            for (int i = 0; i < count.get().parameters().size(); i++) {
                query.setObject(i + 1, count.get().parameters().get(i));
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getLong(1) == 0;
            }
        }
    }

    private Dialect dialect(Connection connection) throws SQLException {
        Dialect dialect = configuredDialect != null ? configuredDialect : Dialects.forUrl(connection.getMetaData().getURL());
        resolvedDialect = dialect;
        return dialect;
    }

    private MigrateException databaseError(SQLException e) {
        Dialect dialect = resolvedDialect != null ? resolvedDialect : configuredDialect;
        if (dialect == null) {
            // Failed before a connection told which database this is: nothing database-specific to say.
            dialect = Dialects.find(connections.maskedUrl() == null ? "" : connections.maskedUrl()).orElse(null);
        }
        if (dialect == null) {
            return genericDatabaseError(e);
        }
        if (dialect.isLockBusy(e.getSQLState(), e.getErrorCode())) {
            return new MigrateException("Gave up after waiting " + settings.lockTimeout().toMillis() + " ms"
                    + " (migrate.lockTimeout) for a table lock on migrate's tables (" + settings.tables().version() + "): "
                    + e.getMessage() + ". " + dialect.lockBusyAdvice() + ". This run changed nothing. Let that session finish, or raise"
                    + " migrate.lockTimeout.", e);
        }
        if (RevisionFailures.isConnectionLoss(e, dialect)) {
            return new MigrateException("The connection to " + connections.where() + " was lost while migrate was"
                    + " reading or writing its own tables (" + settings.tables().version() + "), not in a revision: "
                    + e.getMessage() + " (SQLState " + e.getSQLState() + "). Revisions this run finished stay applied."
                    + " Run the goal again once the database is reachable: it is safe, and 'migrate:current' shows where"
                    + " the database stands.", e);
        }
        if (dialect.isMissingColumn(e.getSQLState(), e.getErrorCode())) {
            BookkeepingTables tables = settings.tables();
            return new MigrateException("A table named like one of migrate's own (" + tables.version() + ", "
                    + tables.history() + ", " + tables.progress() + ") in " + where() + " lacks a column migrate reads"
                    + " and writes, so it is another tool's table (or not migrate's): " + e.getMessage() + " (SQLState "
                    + e.getSQLState() + "). migrate changed no row in it. Give migrate tables of its own with"
                    + " migrate.versionTable (for example -Dmigrate.versionTable=app_version; the other tables are named"
                    + " after it), or move that table out of the way.", e);
        }
        return genericDatabaseError(e);
    }

    private String where() {
        return connections.maskedUrl() == null ? "the database" : connections.maskedUrl();
    }

    private MigrateException genericDatabaseError(SQLException e) {
        String where = where();
        return new MigrateException("Database error on " + where + " while reading or writing migrate's tables ("
                + settings.tables().version() + "): " + e.getMessage() + " (SQLState " + e.getSQLState()
                + ", vendor code " + e.getErrorCode() + "). Check that the database is reachable and that migrate.user"
                + " may create, read and write these tables.", e);
    }
}
