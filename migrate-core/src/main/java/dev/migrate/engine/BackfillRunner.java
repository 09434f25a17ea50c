package dev.migrate.engine;

import dev.migrate.BatchEstimate;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.ops.BatchedUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a revision's batched update online: commits the revision so far with a resume point at the
 * update (so a run after a failure does not repeat what was committed, and a long backfill holds
 * none of the revision's locks), then one transaction per batch until a batch updates no row, so no
 * statement locks the whole table. Reports progress after every batch.
 */
final class BackfillRunner {

    /** Seconds a batched update's row count may take before progress goes on without a total. */
    static final int COUNT_SECONDS = 3;

    private final StatementSink sink;
    private final TransactionBracket transactions;
    private final Dialect dialect;
    private final String schema;
    private final MigrationListener listener;

    BackfillRunner(StatementSink sink, TransactionBracket transactions, Dialect dialect, String schema,
            MigrationListener listener) {
        this.sink = sink;
        this.transactions = transactions;
        this.dialect = dialect;
        this.schema = schema;
        this.listener = listener;
    }

    /**
     * Runs {@code batches} of {@code revision}; {@code resumePoint} are the statements that record
     * where a later run resumes (none offline or without history), committed with what ran before;
     * {@code at} learns the statement running, for a failure's message; {@code stopRequested} stops it
     * before its next batch (Ctrl-C between batches has no statement to cancel), the batches so far kept.
     */
    void run(Work.Batches batches, RenderedRevision revision, List<SqlStatement> resumePoint, Consumer<FailurePoint> at,
            java.util.function.BooleanSupplier stopRequested) throws SQLException {
        SqlStatement batch = dialect.renderUpdateBatch(batches.update(), schema);
        for (SqlStatement point : resumePoint) {
            sink.execute(point);
        }
        at.accept(FailurePoint.statement(batch.sql()));
        transactions.commit();
        long expected = expectedRows(batches.update());
        long started = System.nanoTime();
        long total = 0;
        for (long number = 1; ; number++) {
            if (stopRequested.getAsBoolean()) {
                throw new StoppedBeforeStatement();
            }
            transactions.open();
            int rows = sink.executeNow(batch);
            transactions.commit();
            total += rows;
            Duration remaining = rows == 0 ? null
                    : BatchEstimate.remaining(Duration.ofNanos(System.nanoTime() - started), total, expected);
            listener.on(new MigrationEvent.BatchProgress(revision.id(), batches.update().table().toString(),
                    number, rows, total, expected, remaining));
            if (rows == 0) {
                break;
            }
        }
        transactions.open();
    }

    /**
     * The rows the batched update will touch, counted before the first batch when that is cheap: the
     * count gets {@value #COUNT_SECONDS} s (a predicate without an index on a huge table scans it all),
     * then progress goes on without a total, -1. Runs in a transaction of its own, ended before the
     * batches start, so a count cut off by its timeout leaves nothing behind.
     */
    private long expectedRows(BatchedUpdate update) {
        SqlStatement count = dialect.renderBatchedRowCount(update, schema);
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
}
