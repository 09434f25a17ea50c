package dev.migrate.engine;

import dev.migrate.AppliedRevision;
import dev.migrate.ChangedRevision;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.RunResult;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.graph.Plan;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.function.Function;

/**
 * Runs against a live database: takes the run lock on a dedicated connection, creates migrate's
 * tables on first use, reads the version table under the lock, plans from what it read (so a run
 * that waited for another one sees its result and finds nothing left), and executes.
 */
public final class OnlineRun {

    private static final int LOCK_NETWORK_TIMEOUT_MILLIS = 60_000;

    private final ConnectionSource connections;
    private final Dialect configuredDialect;
    private final EngineSettings settings;
    private final Function<String, IndexedRevision> revisions;

    /**
     * @param dialect   the dialect, or null to take it from the first connection's metadata URL
     * @param revisions looks up the revision of a plan step by id
     */
    public OnlineRun(ConnectionSource connections, Dialect dialect, EngineSettings settings,
            Function<String, IndexedRevision> revisions) {
        this.connections = connections;
        this.configuredDialect = dialect;
        this.settings = settings;
        this.revisions = revisions;
    }

    /** Plans from the version table's rows (read under the lock) and runs the plan. */
    public RunResult run(Function<List<String>, Plan> planner) {
        return run(planner, false);
    }

    /**
     * Like {@link #run(Function)}; with {@code answerWithoutLock}, first reads the version table
     * without the lock and, when it exists and {@code planner} finds nothing to do, answers at once:
     * no lock connection, no DDL, one query (the common "already at head" start-up). Otherwise
     * it plans again from the rows read under the lock, so a run that waited sees the other one's
     * result. {@code planner} must then have no side effects, since it may be called twice.
     */
    public RunResult run(Function<List<String>, Plan> planner, boolean answerWithoutLock) {
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
        work.setAutoCommit(true);
        List<String> before;
        try {
            before = new VersionTable(dialect, settings.tables()).read(work);
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

    private SqlWork<RunResult> planned(Function<List<String>, Plan> planner) {
        return (work, dialect) -> {
            JdbcSink sink = new JdbcSink(work);
            VersionTable versionTable = new VersionTable(dialect, settings.tables());
            List<String> before = versionTable.read(work);
            sink.commit();
            Plan plan = planner.apply(before);
            settings.listener().on(new MigrationEvent.Planned(plan.direction(), before,
                    plan.steps().stream().map(PlanStep::revision).map(r -> r.id()).toList()));
            PlanRunner runner = new PlanRunner(dialect, sink, settings, revisions,
                    new HistoryTable(dialect, settings.tables()), work.getMetaData().getUserName());
            List<AppliedRevision> applied = runner.run(plan);
            return new RunResult(applied, before, runner.heads());
        };
    }

    /** Alembic's stamp: applies the version-table change {@code stamper} computes from the current rows. */
    public RunResult stamp(Function<List<String>, VersionChange> stamper) {
        return locked((work, dialect) -> {
            JdbcSink sink = new JdbcSink(work);
            VersionTable versionTable = new VersionTable(dialect, settings.tables());
            List<String> before = versionTable.read(work);
            VersionChange change = stamper.apply(before);
            versionTable.apply(sink, change, "(stamp)");
            sink.commit();
            List<String> after = versionTable.read(work);
            sink.commit();
            settings.listener().on(new MigrationEvent.Stamped(before, after));
            return new RunResult(List.of(), before, after);
        });
    }

    /** The version table's rows; empty when the table does not exist yet. Takes no lock and creates nothing. */
    public List<String> current() {
        return readOnly((connection, dialect) -> new VersionTable(dialect, settings.tables()).read(connection), List.of());
    }

    /** Every history row, oldest first; empty when migrate never ran here. */
    public List<HistoryEntry> history() {
        return readOnly((connection, dialect) -> new HistoryTable(dialect, settings.tables()).read(connection), List.of());
    }

    /**
     * Applied revisions whose upgrade renders differently now (see {@link ChecksumDrift}); empty
     * when migrate never ran here. Takes no lock and creates nothing.
     *
     * @param known the revision with an id, or null when the code does not have it
     */
    public List<ChangedRevision> changedRevisions(Function<String, IndexedRevision> known) {
        return readOnly((connection, dialect) -> ChecksumDrift.find(
                new HistoryTable(dialect, settings.tables()).read(connection), known, dialect, settings.tables().schema()),
                List.of());
    }

    /** Work done on a connection; may throw SQLException. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection connection, Dialect dialect) throws SQLException;
    }

    private <T> T locked(SqlWork<T> body) {
        try (Connection work = connections.open()) {
            return locked(work, dialect(work), body);
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /** Runs {@code body} on {@code work} while a second connection holds the run lock. */
    private <T> T locked(Connection work, Dialect dialect, SqlWork<T> body) throws SQLException {
        try (Connection lockConnection = connections.open()) {
            boundNetworkWait(lockConnection);
            try (DatabaseLock lock = DatabaseLock.acquire(lockConnection, dialect, settings.tables(),
                    settings.lockTimeout(), settings.listener())) {
                createTables(work, dialect);
                return body.apply(work, dialect);
            }
        }
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

    private void createTables(Connection work, Dialect dialect) throws SQLException {
        JdbcSink sink = new JdbcSink(work);
        new VersionTable(dialect, settings.tables()).create(sink, true);
        sink.commit();
    }

    /** Runs {@code body} in autocommit; {@code whenMissing} when migrate's tables do not exist yet. */
    private <T> T readOnly(SqlWork<T> body, T whenMissing) {
        try (Connection connection = connections.open()) {
            Dialect dialect = dialect(connection);
            connection.setAutoCommit(true);
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

    private Dialect dialect(Connection connection) throws SQLException {
        return configuredDialect != null ? configuredDialect : Dialects.forUrl(connection.getMetaData().getURL());
    }

    private MigrateException databaseError(SQLException e) {
        String where = connections.maskedUrl() == null ? "the database" : connections.maskedUrl();
        return new MigrateException("Database error on " + where + " while reading or writing migrate's tables ("
                + settings.tables().version() + "): " + e.getMessage() + " (SQLState " + e.getSQLState()
                + ", vendor code " + e.getErrorCode() + "). Check that the database is reachable and that migrate.user"
                + " may create, read and write these tables.", e);
    }
}
