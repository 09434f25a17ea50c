package dev.migrate.engine;

import dev.migrate.AppliedRevision;
import dev.migrate.BatchEstimate;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.BatchedUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a plan through a {@link StatementSink}: per step, the revision's statements and its
 * version-table change in one transaction (plus, online, its history row), then one commit.
 * The same code writes offline scripts; only the sink differs (Alembic's {@code run_migrations}).
 */
final class PlanRunner {

    private final Dialect dialect;
    private final StatementSink sink;
    private final EngineSettings settings;
    private final Function<String, IndexedRevision> revisions;
    private final VersionTable versionTable;
    private final HistoryTable history;
    /** Seconds a batched update's row count may take before progress goes on without a total. */
    static final int COUNT_SECONDS = 3;

    private final String executedBy;
    /** The sink, when statements go in batches (online, transactional DDL); else null. */
    private final JdbcSink batchSink;
    private final StatementBatch batch = new StatementBatch();
    private final List<String> heads = new ArrayList<>();
    private String statement = "";
    /** True while a transaction is open (single-transaction runs keep one across revisions). */
    private boolean open;
    /** The version table's rows as of the last commit: where a rolled-back run leaves the database. */
    private final List<String> committed = new ArrayList<>();
    private StepGuard guard = StepGuard.NONE;
    private BackfillProgress progress = BackfillProgress.NONE;
    private HistoryEntry unrecorded;

    /** What a failure message names while the version table and history are written. */
    private static final String VERSION_CHANGE = "(version table change)";
    /** The version-table change of the last checked bookkeeping statement sent, for its failure message. */
    private String checkedWhat = "";

    /** {@code history} and {@code executedBy} are null offline, where no history is written. */
    PlanRunner(Dialect dialect, StatementSink sink, EngineSettings settings, Function<String, IndexedRevision> revisions,
            HistoryTable history, String executedBy) {
        this.dialect = dialect;
        this.sink = sink;
        this.settings = settings;
        this.revisions = revisions;
        this.versionTable = new VersionTable(dialect, settings.tables());
        this.history = history;
        this.executedBy = executedBy;
        // Transactional DDL: a failure aborts the transaction, so nothing batched after it takes effect.
        this.batchSink = sink instanceof JdbcSink jdbc && history != null && dialect.capabilities().transactionalDdl()
                ? jdbc : null;
    }

    /** Asks {@code guard} before each step whether the run may go on; returns this runner. */
    PlanRunner guardedBy(StepGuard guard) {
        this.guard = guard;
        return this;
    }

    /** Resumes revisions whose batched update was interrupted at the points in {@code progress}; returns this runner. */
    PlanRunner resuming(BackfillProgress progress) {
        this.progress = progress;
        return this;
    }

    /**
     * Runs every step in order; a failing step throws after rolling itself back, and earlier steps
     * stay (in a single-transaction run they roll back with it).
     */
    List<AppliedRevision> run(Plan plan) {
        heads.clear();
        heads.addAll(plan.headsBefore());
        committed.clear();
        committed.addAll(heads);
        List<AppliedRevision> applied = new ArrayList<>();
        // Online, the checksum goes into the history row: hash it ahead too.
        try (RenderAhead ahead = RenderAhead.start(plan.steps(), this::render, history != null, RenderAhead.WINDOW)) {
            for (PlanStep step : plan.steps()) {
                applied.add(runStep(step, ahead));
            }
        }
        if (open) {
            commitRun(applied);
        }
        return applied;
    }

    /** Single transaction: the one commit at the end of the run. */
    private void commitRun(List<AppliedRevision> applied) {
        try {
            commit();
        } catch (SQLException | RuntimeException e) {
            sink.rollbackQuietly();
            open = false;
            heads.clear();
            heads.addAll(committed);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (RevisionFailures.isConnectionLoss(e, dialect)) {
                // The server may have committed before the connection went: nothing here can tell.
                throw new MigrateException("The connection was lost while the run's single transaction"
                        + " (migrate.singleTransaction) was being committed: " + why + ". Its " + applied.size()
                        + " revisions may or may not have been applied; 'migrate:current' shows where the database stands,"
                        + " and running the goal again is safe: it continues from there.", e);
            }
            throw new MigrateException("The run's single transaction (migrate.singleTransaction) did not commit: " + why
                    + ". Its " + applied.size() + " revisions were rolled back (all but any committed early by a step that"
                    + " runs outside a transaction); the version table is at " + (heads.isEmpty() ? "base" : String.join(", ", heads()))
                    + ". The database checks deferred constraints (DEFERRABLE INITIALLY DEFERRED) at that commit: fix the"
                    + " revision whose changes break one, then run the goal again.", e);
        }
    }

    /** The version table's rows after the steps run so far, sorted. */
    List<String> heads() {
        List<String> sorted = new ArrayList<>(heads);
        sorted.sort(null);
        return sorted;
    }

    private RenderedRevision render(PlanStep step) {
        IndexedRevision revision = revisions.apply(step.revision().id());
        // A tenant run shares one rendering per revision among its tenants (see RenderCache).
        return settings.renderCache() != null && history != null
                ? settings.renderCache().render(revision, step, dialect, settings.tables().schema())
                : RenderedRevision.render(revision, step, dialect, settings.tables().schema());
    }

    private AppliedRevision runStep(PlanStep step, RenderAhead ahead) {
        // What the database holds if the run stops here: in a single-transaction run, not the uncommitted steps.
        List<String> stoppedAt = new ArrayList<>(committed);
        stoppedAt.sort(null);
        guard.beforeStep(step.revision().id(), stoppedAt);
        RenderedRevision rendered = ahead.next();
        List<String> revises = step.revision().revises();
        String parents = revises.size() == 1 ? revises.get(0) : String.join(", ", revises);
        String message = step.revision().message();
        settings.listener().on(new MigrationEvent.RevisionStarted(rendered.id(), message, step.direction(), parents));
        sink.comment("Running " + (step.direction() == Direction.UP ? "upgrade " + parents + " -> " + rendered.id()
                : "downgrade " + rendered.id() + " -> " + parents) + (message.isEmpty() ? "" : ", " + message));
        OffsetDateTime started = history == null ? null : now(); // only history rows need the clock
        long start = System.nanoTime();
        try {
            openTransaction();
            if (recordsStatements()) {
                runByStatement(rendered);
            } else {
                List<Work> work = rendered.work();
                int resumeAt = progress.resumeAt(rendered);
                if (resumeAt > 0) {
                    settings.listener().on(new MigrationEvent.Resumed(rendered.id(), resumeAt));
                }
                for (int index = resumeAt; index < work.size(); index++) {
                    execute(work.get(index), rendered, index);
                }
            }
            statement = VERSION_CHANGE;
            writeBookkeeping(step.versionChange(), rendered, started);
            if (!settings.singleTransaction()) {
                statement = StatementBatch.COMMIT; // a refused commit (a deferred constraint) is named as such
                sink.commit();
                open = false;
            }
        } catch (SQLException | RuntimeException e) {
            throw failed(rendered, started, e);
        }
        replay(step.versionChange());
        if (!open) {
            markCommitted();
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        settings.listener().on(new MigrationEvent.RevisionFinished(rendered.id(), step.direction(), duration));
        return new AppliedRevision(rendered.id(), message, step.direction(), duration);
    }

    /**
     * The version-table change and, online, the history row. Batched (online, PostgreSQL), a
     * revision with one version-table statement takes one round trip: its statements, the
     * version change fused with its history row (a statement that fails unless the change touched
     * one row) and the COMMIT. Other steps (merges) take two: the statements with the version
     * changes, whose row counts are checked, then the history row with the COMMIT. The commit that
     * follows finds no open transaction and sends nothing. Parameters are inlined as literals.
     */
    private void writeBookkeeping(VersionChange change, RenderedRevision rendered, OffsetDateTime started)
            throws SQLException {
        if (batchSink == null) {
            if (progress.has(rendered)) {
                sink.execute(progress.clear(rendered));
            }
            versionTable.apply(sink, change, rendered.id());
            if (history != null) {
                history.append(sink, entry(rendered, started, true));
            }
            return;
        }
        if (progress.has(rendered)) {
            batch.add(dialect.inline(progress.clear(rendered)), statement);
        }
        List<VersionTable.Change> changes = versionTable.changes(change);
        HistoryEntry entry = entry(rendered, started, true);
        Optional<SqlStatement> checked = changes.size() == 1
                ? history.checkedChange(changes.get(0).statement(), entry) : Optional.empty();
        if (checked.isPresent()) {
            // One round trip: the revision's statements, its checked bookkeeping and the COMMIT.
            checkedWhat = changes.get(0).what();
            batch.add(dialect.inline(checked.get()), VERSION_CHANGE);
            addCommitToBatch();
            flushBatch();
            return;
        }
        int first = batch.size();
        for (VersionTable.Change each : changes) {
            batch.add(dialect.inline(each.statement()), statement);
        }
        int[] counts = flushBatch();
        for (int i = 0; i < changes.size(); i++) {
            int count = counts[first + i];
            versionTable.check(count == java.sql.Statement.SUCCESS_NO_INFO ? StatementSink.UNKNOWN_COUNT : count,
                    rendered.id(), changes.get(i).what());
        }
        batch.add(dialect.inline(history.insert(entry)), statement);
        addCommitToBatch();
        flushBatch();
    }

    /**
     * Ends the revision's transaction inside the batch, saving the commit's round trip; the commit
     * that follows then finds no open transaction and sends nothing. Single-transaction runs keep
     * the transaction open instead.
     */
    private void addCommitToBatch() {
        if (!settings.singleTransaction()) {
            batch.add(dialect.commitScriptTransaction().sql(), StatementBatch.COMMIT);
        }
    }

    /** Sends the statements batched so far (their update counts); a failure names the failing one. */
    private int[] flushBatch() throws SQLException {
        if (batch.isEmpty()) {
            return new int[0];
        }
        try {
            return batch.send(batchSink);
        } catch (SQLException e) {
            statement = batch.failed();
            throw e;
        }
    }

    /** Applies {@code change} to the in-memory heads, as the version table now holds them. */
    private void replay(VersionChange change) {
        heads.removeAll(change.removed());
        heads.addAll(change.added());
    }

    /** Opens a transaction unless one is open (a single-transaction run opens it once). */
    private void openTransaction() throws SQLException {
        if (open) {
            return;
        }
        sink.begin();
        open = true;
        if (settings.ddlLockTimeout() != null) {
            for (SqlStatement setting : dialect.ddlLockTimeout(settings.ddlLockTimeout())) {
                sink.execute(setting);
            }
        }
    }

    /**
     * Commits what ran so far, in the middle of a step or at the end of a single-transaction run:
     * the version table then holds {@link #heads}, which count the steps replayed so far.
     */
    private void commit() throws SQLException {
        sink.commit();
        open = false;
        markCommitted();
    }

    private void markCommitted() {
        committed.clear();
        committed.addAll(heads);
    }

    /**
     * True where DDL commits implicitly and the run is online with its own transaction per revision:
     * a failing revision cannot roll back its DDL, so its progress is recorded statement by statement.
     */
    private boolean recordsStatements() {
        return !dialect.capabilities().transactionalDdl() && history != null && sink.online() && !settings.singleTransaction();
    }

    /** One statement of a revision (or a whole backfill or callback), as statement progress counts them. */
    private record Unit(Work work, SqlStatement statement) {

        List<SqlStatement> checksummed() {
            return statement != null ? List.of(statement) : work.checksummed();
        }

        String text() {
            return statement != null ? SqlStatement.excerpt(statement.sql())
                    : work instanceof Work.Batches batches ? "(batched update of " + batches.update().table() + ")"
                    : "(withConnection callback)";
        }
    }

    /** The units of the revision being run by statement, how many of them took effect, and the one running. */
    private List<Unit> units = List.of();
    private int appliedUnits;
    private int runningUnit = -1;

    private static List<Unit> units(List<Work> work) {
        List<Unit> units = new ArrayList<>();
        for (Work each : work) {
            if (each instanceof Work.Statements statements) {
                statements.statements().forEach(statement -> units.add(new Unit(each, statement)));
            } else {
                units.add(new Unit(each, null));
            }
        }
        return units;
    }

    private static String prefixChecksum(List<Unit> units, int count) {
        List<SqlStatement> statements = new ArrayList<>();
        units.subList(0, count).forEach(unit -> statements.addAll(unit.checksummed()));
        return BackfillProgress.prefixChecksum(statements);
    }

    /**
     * Runs a revision statement by statement, recording after each statement that commits implicitly
     * how many took effect (with the checksum of those statements), committed at once. A run after a
     * failure resumes after them when they are unchanged, and refuses to guess otherwise.
     */
    private void runByStatement(RenderedRevision rendered) throws SQLException {
        units = units(rendered.work());
        appliedUnits = 0;
        runningUnit = -1;
        Optional<BackfillProgress.Stopped> stopped = progress.stopped(rendered);
        if (stopped.isPresent()) {
            int at = stopped.get().resumeAt();
            if (at > units.size() || !prefixChecksum(units, at).equals(stopped.get().checksum())) {
                throw changedSinceStopped(rendered, at);
            }
            appliedUnits = at;
            settings.listener().on(new MigrationEvent.Resumed(rendered.id(), at));
        }
        for (int index = appliedUnits; index < units.size(); index++) {
            runningUnit = index;
            Unit unit = units.get(index);
            if (unit.statement() != null) {
                send(unit.statement(), rendered);
                if (dialect.commitsImplicitly(unit.statement())) {
                    recordApplied(rendered, index + 1);
                }
            } else if (unit.work() instanceof Work.Batches batches) {
                flushBatch();
                runBatches(batches, rendered, index, prefixChecksum(units, index));
                recordApplied(rendered, index + 1);
            } else {
                execute(unit.work(), rendered, index);
            }
        }
        runningUnit = -1;
    }

    /** Records that the first {@code count} units took effect, and commits (what ran is committed already). */
    private void recordApplied(RenderedRevision rendered, int count) throws SQLException {
        for (SqlStatement point : progress.recordStatements(rendered, count, prefixChecksum(units, count))) {
            sink.execute(point);
        }
        commit();
        appliedUnits = count;
        openTransaction();
    }

    /** The refusal when the statements an earlier run committed have changed since. */
    private MigrateException changedSinceStopped(RenderedRevision rendered, int at) {
        String verb = rendered.step().direction() == Direction.UP ? "upgrade" : "downgrade";
        return new MigrateException("Revision " + rendered.named() + " stopped in an earlier " + verb + " after its first "
                + at + " statement(s), which " + dialect.name() + " had committed for good (recorded in " + progress.table()
                + "); those statements have changed since, so migrate cannot tell what the database holds and runs"
                + " nothing of it. Either restore the revision's first " + at + " statement(s) as they were and run " + verb
                + " again (it resumes at statement " + (at + 1) + "), or undo what they did by hand, then forget the"
                + " record with " + progress.forgetByHand(rendered) + " and run " + verb + " again (it runs the whole"
                + " revision).");
    }

    /** What took effect of the revision that failed, for its message; null when nothing did or progress is not recorded. */
    private RevisionFailures.StatementProgress statementProgress() {
        if (!recordsStatements() || appliedUnits == 0 || units.isEmpty()) {
            return null;
        }
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < appliedUnits; i++) {
            applied.add((i + 1) + ". " + units.get(i).text());
        }
        List<String> notApplied = new ArrayList<>();
        for (int i = appliedUnits; i < units.size(); i++) {
            notApplied.add((i + 1) + ". " + units.get(i).text() + (i == runningUnit ? " (failed)" : ""));
        }
        return new RevisionFailures.StatementProgress(applied, notApplied, progress.table(), appliedUnits);
    }

    /** Runs step {@code index} of {@code revision}. */
    private void execute(Work work, RenderedRevision revision, int index) throws SQLException {
        if (work instanceof Work.Statements statements) {
            for (SqlStatement each : statements.statements()) {
                send(each, revision);
            }
        } else if (work instanceof Work.Batches batches) {
            flushBatch();
            runBatches(batches, revision, index);
        } else if (work instanceof Work.Callback callback) {
            if (!sink.online()) {
                throw new MigrateException("Revision " + revision.named() + " uses withConnection, which runs Java code on"
                        + " a live connection and cannot go into an offline script (migrate.sql). Run it online, or use"
                        + " op.execute(sql) instead.");
            }
            flushBatch();
            statement = "(withConnection callback)";
            callback.operation().callback().run(sink.connection());
        }
    }

    private void send(SqlStatement each, RenderedRevision revision) throws SQLException {
        if (batchSink != null && StatementBatch.batchable(each)) {
            batch.add(each.sql(), each.sql());
            return;
        }
        flushBatch();
        statement = each.sql();
        if (each.runsOutsideTransaction()) {
            settings.listener().on(new MigrationEvent.OutsideTransaction(revision.id(), each.sql()));
            sink.executeOutsideTransaction(each);
            markCommitted(); // it committed what ran before it, in a single-transaction run too
            // The sink reopened a transaction; per-transaction settings must be set again.
            if (settings.ddlLockTimeout() != null) {
                for (SqlStatement setting : dialect.ddlLockTimeout(settings.ddlLockTimeout())) {
                    sink.execute(setting);
                }
            }
        } else {
            sink.execute(each);
        }
    }

    /**
     * Online: commits the revision so far, with a resume point at this step (so a run after a
     * failure does not repeat what was committed), then one transaction per batch until a batch
     * updates no row, so no statement locks the whole table. Offline: the single unbatched UPDATE.
     */
    private void runBatches(Work.Batches batches, RenderedRevision revision, int index) throws SQLException {
        runBatches(batches, revision, index, null);
    }

    /** {@code prefixChecksum} non-null: the resume point is a statement one (see {@link #runByStatement}). */
    private void runBatches(Work.Batches batches, RenderedRevision revision, int index, String prefixChecksum)
            throws SQLException {
        if (!sink.online()) {
            for (SqlStatement each : batches.unbatched()) {
                send(each, revision);
            }
            return;
        }
        SqlStatement batch = dialect.renderUpdateBatch(batches.update(), settings.tables().schema());
        if (history != null) {
            for (SqlStatement point : prefixChecksum == null ? progress.record(revision, index)
                    : progress.recordStatements(revision, index, prefixChecksum)) {
                sink.execute(point);
            }
        }
        statement = batch.sql();
        commit();
        long expected = expectedRows(batches.update());
        long started = System.nanoTime();
        long total = 0;
        for (long number = 1; ; number++) {
            openTransaction();
            int rows = sink.execute(batch);
            commit();
            total += rows;
            Duration remaining = rows == 0 ? null
                    : BatchEstimate.remaining(Duration.ofNanos(System.nanoTime() - started), total, expected);
            settings.listener().on(new MigrationEvent.BatchProgress(revision.id(), batches.update().table().toString(),
                    number, rows, total, expected, remaining));
            if (rows == 0) {
                break;
            }
        }
        openTransaction();
    }

    /**
     * The rows the batched update will touch, counted before the first batch when that is cheap: the
     * count gets {@value #COUNT_SECONDS} s (a predicate without an index on a huge table scans it all),
     * then progress goes on without a total, -1. Runs in a transaction of its own, ended before the
     * batches start, so a count cut off by its timeout leaves nothing behind.
     */
    private long expectedRows(BatchedUpdate update) {
        SqlStatement count = dialect.renderBatchedRowCount(update, settings.tables().schema());
        try (Statement query = sink.connection().createStatement()) {
            query.setQueryTimeout(COUNT_SECONDS);
            try (ResultSet row = query.executeQuery(count.sql())) {
                return row.next() ? row.getLong(1) : -1;
            }
        } catch (SQLException | RuntimeException e) {
            return -1; // A slow or refused count costs the total, never the update.
        } finally {
            sink.rollbackQuietly();
        }
    }

    private HistoryEntry entry(RenderedRevision revision, OffsetDateTime started, boolean success) {
        return new HistoryEntry(revision.id(), revision.step().direction(), revision.checksum(), Checksums.VERSION, started,
                now(), success, executedBy, MigrateVersion.current());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private RuntimeException failed(RenderedRevision revision, OffsetDateTime started, Exception cause) {
        batch.discard();
        sink.rollbackQuietly();
        open = false;
        // A single-transaction run rolls back every revision since the last commit.
        heads.clear();
        heads.addAll(committed);
        recordFailure(revision, started, cause);
        if (cause instanceof MigrateException migrate) {
            return migrate;
        }
        if (VERSION_CHANGE.equals(statement) && cause instanceof SQLException sql
                && dialect.isVersionCheckFailure(sql.getSQLState())) {
            // The version table's primary key leaves no other count than zero to fail the check.
            return versionTable.mismatch(revision.id(), "'" + checkedWhat + "'", "0 rows");
        }
        return RevisionFailures.of(revision, statement, cause, heads(), dialect, settings.singleTransaction(),
                statementProgress());
    }

    /** Appends the failed attempt to the history in its own transaction; never hides {@code cause}. */
    private void recordFailure(RenderedRevision revision, OffsetDateTime started, Exception cause) {
        if (history == null) {
            return;
        }
        HistoryEntry failure = entry(revision, started, false);
        try {
            history.append(sink, failure);
            sink.commit();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            sink.rollbackQuietly();
            unrecorded = failure; // the connection may be gone: the caller can write it on a new one
        }
    }

    /** The failed attempt's history row when writing it failed (a lost connection), else null. */
    HistoryEntry unrecordedFailure() {
        return unrecorded;
    }
}
