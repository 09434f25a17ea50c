package dev.migrate.engine;

import dev.migrate.AppliedRevision;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.graph.PlanStep;
import dev.migrate.index.IndexedRevision;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a plan through a {@link StatementSink}: per step, the revision's statements and its
 * bookkeeping in one transaction, then one commit. The same code writes offline scripts; only the
 * sink and the bookkeeping differ (Alembic's {@code run_migrations}). Its parts: the
 * {@link TransactionBracket} (what is committed), the {@link BackfillRunner} (batched updates),
 * the {@link RevisionBookkeeping} and, where DDL commits implicitly, {@link StatementRun}.
 */
final class PlanRunner {

    private final Dialect dialect;
    private final StatementSink sink;
    private final RevisionBookkeeping bookkeeping;
    private final EngineSettings settings;
    private final Function<String, IndexedRevision> revisions;
    /** Null offline, where no history is written. */
    private final HistoryTable history;
    private final String executedBy;
    private StepGuard guard = StepGuard.NONE;
    private BackfillProgress progress = BackfillProgress.NONE;

    /** The run in progress: its transactions, its batched updates, and where it is. */
    private TransactionBracket transactions;
    private BackfillRunner backfill;
    private FailurePoint at = FailurePoint.START;
    /** Set while a revision runs statement by statement; null otherwise. */
    private StatementRun statementRun;
    private HistoryEntry unrecorded;
    private boolean failedAtCommit;
    /** What of the failed revision took effect, when it ran statement by statement and its connection was lost. */
    private RevisionFailures.StatementProgress lostConnectionProgress;

    private PlanRunner(Dialect dialect, StatementSink sink, RevisionBookkeeping bookkeeping, EngineSettings settings,
            Function<String, IndexedRevision> revisions, HistoryTable history, String executedBy) {
        this.dialect = dialect;
        this.sink = sink;
        this.bookkeeping = bookkeeping;
        this.settings = settings;
        this.revisions = revisions;
        this.history = history;
        this.executedBy = executedBy;
    }

    /** Writes a script: no history, no batching, nothing sent. */
    static PlanRunner offline(Dialect dialect, ScriptSink sink, EngineSettings settings,
            Function<String, IndexedRevision> revisions) {
        return new PlanRunner(dialect, sink, RevisionBookkeeping.direct(sink, new VersionTable(dialect, settings.tables()),
                null), settings, revisions, null, null);
    }

    /**
     * Runs on a live connection. Where DDL is transactional, a failing statement aborts the
     * transaction, so nothing sent after it can take effect: statements then go in batches, and a
     * revision with its bookkeeping and commit takes one round trip.
     */
    static PlanRunner online(Dialect dialect, JdbcSink connection, EngineSettings settings,
            Function<String, IndexedRevision> revisions, String executedBy) {
        VersionTable versionTable = new VersionTable(dialect, settings.tables());
        HistoryTable history = new HistoryTable(dialect, settings.tables());
        if (dialect.capabilities().transactionalDdl()) {
            BatchingSink batching = new BatchingSink(connection, dialect.commitScriptTransaction());
            return new PlanRunner(dialect, batching, RevisionBookkeeping.batched(batching, dialect, versionTable, history),
                    settings, revisions, history, executedBy);
        }
        return new PlanRunner(dialect, connection, RevisionBookkeeping.direct(connection, versionTable, history),
                settings, revisions, history, executedBy);
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
        transactions = new TransactionBracket(sink, dialect, settings.ddlLockTimeout(), plan.headsBefore());
        backfill = new BackfillRunner(sink, transactions, dialect, settings.tables().schema(), settings.listener());
        List<AppliedRevision> applied = new ArrayList<>();
        // Online, the checksum goes into the history row: hash it ahead too.
        try (RenderAhead ahead = RenderAhead.start(plan.steps(), this::render, history != null, RenderAhead.WINDOW)) {
            for (PlanStep step : plan.steps()) {
                applied.add(runStep(step, ahead));
            }
        }
        if (transactions.isOpen()) {
            commitRun(applied);
        }
        return applied;
    }

    /** Single transaction: the one commit at the end of the run. */
    private void commitRun(List<AppliedRevision> applied) {
        try {
            transactions.commit();
        } catch (SQLException | RuntimeException e) {
            transactions.rollBack();
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
                    + " runs outside a transaction); the version table is at " + (heads().isEmpty() ? "base"
                            : String.join(", ", heads()))
                    + ". The database checks deferred constraints (DEFERRABLE INITIALLY DEFERRED) at that commit: fix the"
                    + " revision whose changes break one, then run the goal again.", e);
        }
    }

    /** The version table's rows after the steps run so far, sorted. */
    List<String> heads() {
        return transactions.heads();
    }

    private RenderedRevision render(PlanStep step) {
        IndexedRevision revision = revisions.apply(step.revision().id());
        // A tenant run shares one rendering per revision among its tenants (see RenderCache).
        return settings.renderCache() != null && history != null
                ? settings.renderCache().render(revision, step, dialect, settings.tables().schema())
                : RenderedRevision.render(revision, step, dialect, settings.tables().schema());
    }

    /**
     * True when the revision's upgrade() records an operation: then a downgrade() that records none
     * undoes nothing (a merge revision, or one whose upgrade is empty too, is fine as it is).
     */
    private boolean upgradeChanges(PlanStep step) {
        IndexedRevision revision = revisions.apply(step.revision().id());
        try {
            return !RenderedRevision.record(revision, RenderedRevision.create(revision), Direction.UP, dialect.name()).isEmpty();
        } catch (MigrateException e) {
            return false; // an upgrade() that throws says nothing about this downgrade
        }
    }

    private AppliedRevision runStep(PlanStep step, RenderAhead ahead) {
        // What the database holds if the run stops here: in a single-transaction run, not the uncommitted steps.
        guard.beforeStep(step.revision().id(), transactions.committedHeads());
        RenderedRevision rendered = ahead.next();
        List<String> revises = step.revision().revises();
        String parents = revises.size() == 1 ? revises.get(0) : String.join(", ", revises);
        String message = step.revision().message();
        settings.listener().on(new MigrationEvent.RevisionStarted(rendered.id(), message, step.direction(), parents));
        if (step.direction() == Direction.DOWN && rendered.work().isEmpty() && upgradeChanges(step)) {
            settings.listener().on(new MigrationEvent.EmptyDowngrade(rendered.id(), step.revision().origin()));
        }
        sink.comment("Running " + (step.direction() == Direction.UP ? "upgrade " + parents + " -> " + rendered.id()
                : "downgrade " + rendered.id() + " -> " + parents) + (message.isEmpty() ? "" : ", " + message));
        OffsetDateTime started = history == null ? null : now(); // only history rows need the clock
        long start = System.nanoTime();
        at = FailurePoint.START;
        try {
            transactions.open();
            if (recordsStatements()) {
                statementRun = new StatementRun(rendered, progress, dialect);
                statementRun.run(this);
                statementRun = null;
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
            bookkeeping.write(step.versionChange(), rendered, history == null ? null : entry(rendered, started, true),
                    progress, point -> at = point);
            if (settings.singleTransaction()) {
                sink.flush(); // the revision's statements reach the database before the next revision starts
            } else {
                at = FailurePoint.COMMIT; // a refused commit (a deferred constraint) is named as such
                transactions.commit();
            }
        } catch (SQLException | RuntimeException e) {
            throw failed(rendered, started, e);
        }
        transactions.replay(step.versionChange());
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        settings.listener().on(new MigrationEvent.RevisionFinished(rendered.id(), step.direction(), duration));
        return new AppliedRevision(rendered.id(), message, step.direction(), duration);
    }

    /**
     * True where DDL commits implicitly and the run is online with its own transaction per revision:
     * a failing revision cannot roll back its DDL, so its progress is recorded statement by statement.
     */
    private boolean recordsStatements() {
        return !dialect.capabilities().transactionalDdl() && history != null && sink.online() && !settings.singleTransaction();
    }

    /** Runs step {@code index} of {@code revision}. */
    void execute(Work work, RenderedRevision revision, int index) throws SQLException {
        if (work instanceof Work.Statements statements) {
            for (SqlStatement each : statements.statements()) {
                send(each, revision);
            }
        } else if (work instanceof Work.Batches batches) {
            runBatches(batches, revision, history == null ? List.of() : progress.record(revision, index));
        } else if (work instanceof Work.Callback callback) {
            if (!sink.online()) {
                throw new MigrateException("Revision " + revision.named() + " uses withConnection, which runs Java code on"
                        + " a live connection and cannot go into an offline script (migrate.sql). Run it online, or use"
                        + " op.execute(sql) instead.");
            }
            sink.flush();
            at = FailurePoint.CALLBACK;
            callback.operation().callback().run(sink.connection());
        }
    }

    /** Sends one statement of {@code revision} (a batching sink may hold it back). */
    void send(SqlStatement each, RenderedRevision revision) throws SQLException {
        at = FailurePoint.statement(each.sql());
        if (guard.stopRequested()) {
            // The cancel may have let the statement before this one finish normally; nothing more may start.
            throw new StoppedBeforeStatement();
        }
        if (each.runsOutsideTransaction()) {
            settings.listener().on(new MigrationEvent.OutsideTransaction(revision.id(), each.sql()));
            sink.executeOutsideTransaction(each);
            transactions.committedAroundStatement(); // it committed what ran before it, in a single-transaction run too
        } else {
            if (dialect.commitsImplicitly(each)) {
                // MariaDB and H2 commit the open transaction before a DDL statement runs (even one that then fails).
                transactions.committedImplicitly();
            }
            sink.execute(each);
        }
    }

    /** A batched update: online in batches (with {@code resumePoint} committed first), offline the one UPDATE. */
    void runBatches(Work.Batches batches, RenderedRevision revision, List<SqlStatement> resumePoint) throws SQLException {
        if (!sink.online()) {
            for (SqlStatement each : batches.unbatched()) {
                send(each, revision);
            }
            return;
        }
        backfill.run(batches, revision, resumePoint, point -> at = point, guard::stopRequested);
    }

    /** Records statement progress (see {@link StatementRun}) and commits it with what ran. */
    void commitProgress(List<SqlStatement> record) throws SQLException {
        for (SqlStatement point : record) {
            sink.execute(point);
        }
        transactions.commit();
        transactions.open();
    }

    /** Reports that {@code revision} resumes after its first {@code at} statements, {@code skipped} (numbered excerpts). */
    void resumed(String revision, int at, List<String> skipped) {
        settings.listener().on(new MigrationEvent.Resumed(revision, at, skipped));
    }

    private HistoryEntry entry(RenderedRevision revision, OffsetDateTime started, boolean success) {
        return new HistoryEntry(revision.id(), revision.step().direction(), revision.checksum(), Checksums.VERSION, started,
                now(), success, executedBy, MigrateVersion.current());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private RuntimeException failed(RenderedRevision revision, OffsetDateTime started, Exception thrown) {
        FailurePoint point = at;
        Exception cause = thrown;
        if (thrown instanceof BatchingSink.BatchFailure batch) {
            point = batch.point(); // the batch named which of its statements failed
            cause = batch.database();
        }
        failedAtCommit = point.atCommit();
        // A single-transaction run rolls back every revision since the last commit.
        transactions.rollBack();
        recordFailure(revision, started, cause);
        RevisionFailures.StatementProgress applied = statementRun == null ? null
                : cause instanceof StoppedBeforeStatement ? statementRun.progressWhenStopped() : statementRun.progress();
        lostConnectionProgress = statementRun != null && RevisionFailures.isConnectionLoss(cause, dialect)
                ? statementRun.progressAtLostConnection() : null;
        statementRun = null;
        if (cause instanceof MigrateException migrate) {
            return migrate;
        }
        if (point.checkedChange() != null && cause instanceof SQLException sql
                && dialect.isVersionCheckFailure(sql.getSQLState())) {
            // The version table's primary key leaves no other count than zero to fail the check.
            return new VersionTable(dialect, settings.tables()).mismatch(revision.id(), "'" + point.checkedChange() + "'",
                    "0 rows");
        }
        return RevisionFailures.of(revision, point, cause, heads(), dialect, settings.singleTransaction(),
                transactions.anyImplicitCommit(), applied);
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

    /** True when the revision that failed failed at its commit (so a lost connection leaves its fate unknown). */
    boolean failedAtCommit() {
        return failedAtCommit;
    }

    /**
     * Where DDL commits implicitly, which statements of the revision whose connection was lost took
     * effect (recorded in the progress table, so the next run resumes after them); else null.
     */
    RevisionFailures.StatementProgress lostConnectionProgress() {
        return lostConnectionProgress;
    }

    /** The failed attempt's history row when writing it failed (a lost connection), else null. */
    HistoryEntry unrecordedFailure() {
        return unrecorded;
    }
}
