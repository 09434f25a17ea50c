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
import dev.migrate.graph.VersionChange;
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
    private final String executedBy;
    private final List<String> heads = new ArrayList<>();
    private String statement = "";

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
    }

    /** Runs every step in order; a failing step throws after rolling itself back, earlier steps stay. */
    List<AppliedRevision> run(Plan plan) {
        heads.clear();
        heads.addAll(plan.headsBefore());
        List<AppliedRevision> applied = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            applied.add(runStep(step));
        }
        return applied;
    }

    /** The version table's rows after the steps run so far, sorted. */
    List<String> heads() {
        List<String> sorted = new ArrayList<>(heads);
        sorted.sort(null);
        return sorted;
    }

    private AppliedRevision runStep(PlanStep step) {
        IndexedRevision revision = revisions.apply(step.revision().id());
        RenderedRevision rendered = RenderedRevision.render(revision, step, dialect, settings.tables().schema());
        String parents = String.join(", ", step.revision().revises());
        String message = step.revision().message();
        settings.listener().on(new MigrationEvent.RevisionStarted(rendered.id(), message, step.direction(), parents));
        sink.comment("Running " + (step.direction() == Direction.UP ? "upgrade " + parents + " -> " + rendered.id()
                : "downgrade " + rendered.id() + " -> " + parents) + (message.isEmpty() ? "" : ", " + message));
        OffsetDateTime started = now();
        long start = System.nanoTime();
        try {
            openTransaction();
            for (Work work : rendered.work()) {
                execute(work, rendered);
            }
            statement = "(version table change)";
            versionTable.apply(sink, step.versionChange(), rendered.id());
            if (history != null) {
                history.append(sink, entry(rendered, started, true));
            }
            sink.commit();
        } catch (SQLException | RuntimeException e) {
            throw failed(rendered, started, e);
        }
        replay(step.versionChange());
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        settings.listener().on(new MigrationEvent.RevisionFinished(rendered.id(), step.direction(), duration));
        return new AppliedRevision(rendered.id(), message, step.direction(), duration);
    }

    /** Applies {@code change} to the in-memory heads, as the version table now holds them. */
    private void replay(VersionChange change) {
        heads.removeAll(change.removed());
        heads.addAll(change.added());
    }

    private void openTransaction() throws SQLException {
        sink.begin();
        if (settings.ddlLockTimeout() != null) {
            for (SqlStatement setting : dialect.ddlLockTimeout(settings.ddlLockTimeout())) {
                sink.execute(setting);
            }
        }
    }

    private void execute(Work work, RenderedRevision revision) throws SQLException {
        if (work instanceof Work.Statements statements) {
            for (SqlStatement each : statements.statements()) {
                send(each, revision);
            }
        } else if (work instanceof Work.Batches batches) {
            runBatches(batches, revision);
        } else if (work instanceof Work.Callback callback) {
            if (!sink.online()) {
                throw new MigrateException("Revision " + revision.named() + " uses withConnection, which runs Java code on"
                        + " a live connection and cannot go into an offline script (migrate.sql). Run it online, or use"
                        + " op.execute(sql) instead.");
            }
            statement = "(withConnection callback)";
            callback.operation().callback().run(sink.connection());
        }
    }

    private void send(SqlStatement each, RenderedRevision revision) throws SQLException {
        statement = each.sql();
        if (each.runsOutsideTransaction()) {
            settings.listener().on(new MigrationEvent.OutsideTransaction(revision.id(), each.sql()));
            sink.executeOutsideTransaction(each);
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
     * Online: commits the revision so far, then one transaction per batch until a batch updates
     * no row, so no statement locks the whole table. Offline: the single unbatched UPDATE.
     */
    private void runBatches(Work.Batches batches, RenderedRevision revision) throws SQLException {
        if (!sink.online()) {
            for (SqlStatement each : batches.unbatched()) {
                send(each, revision);
            }
            return;
        }
        SqlStatement batch = dialect.renderUpdateBatch(batches.update(), settings.tables().schema());
        statement = batch.sql();
        sink.commit();
        long total = 0;
        for (long number = 1; ; number++) {
            openTransaction();
            int rows = sink.execute(batch);
            sink.commit();
            total += rows;
            settings.listener().on(new MigrationEvent.BatchProgress(revision.id(), batches.update().table().toString(),
                    number, rows, total));
            if (rows == 0) {
                break;
            }
        }
        openTransaction();
    }

    private HistoryEntry entry(RenderedRevision revision, OffsetDateTime started, boolean success) {
        return new HistoryEntry(revision.id(), revision.step().direction(), revision.checksum(), Checksums.VERSION, started,
                now(), success, executedBy, MigrateVersion.current());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private RuntimeException failed(RenderedRevision revision, OffsetDateTime started, Exception cause) {
        sink.rollbackQuietly();
        recordFailure(revision, started, cause);
        if (cause instanceof MigrateException migrate) {
            return migrate;
        }
        return RevisionFailures.of(revision, statement, cause, heads(), dialect);
    }

    /** Appends the failed attempt to the history in its own transaction; never hides {@code cause}. */
    private void recordFailure(RenderedRevision revision, OffsetDateTime started, Exception cause) {
        if (history == null) {
            return;
        }
        try {
            history.append(sink, entry(revision, started, false));
            sink.commit();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            sink.rollbackQuietly();
        }
    }
}
