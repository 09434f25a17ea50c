package dev.migrate.engine;

import dev.migrate.HistoryEntry;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.VersionChange;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a revision writes into migrate's tables at its end, inside its transaction: its resume point
 * cleared, the version-table change, and online its history row. Two ways, chosen with the sink:
 * statement by statement ({@link #direct}), or batched with the revision's own statements so that
 * a revision, its bookkeeping and its commit take one round trip ({@link #batched}).
 */
sealed interface RevisionBookkeeping {

    /**
     * Writes the bookkeeping of {@code rendered}; {@code history} is null offline (no history row).
     * {@code at} learns what is being written, for a failure's message.
     */
    void write(VersionChange change, RenderedRevision rendered, HistoryEntry history, BackfillProgress progress,
            Consumer<FailurePoint> at) throws SQLException;

    static RevisionBookkeeping direct(StatementSink sink, VersionTable versionTable, HistoryTable historyTable) {
        return new Direct(sink, versionTable, historyTable);
    }

    static RevisionBookkeeping batched(BatchingSink sink, Dialect dialect, VersionTable versionTable, HistoryTable historyTable) {
        return new Batched(sink, dialect, versionTable, historyTable);
    }

    /** Each statement sent (or written) on its own, its row count checked in the client. */
    record Direct(StatementSink sink, VersionTable versionTable, HistoryTable historyTable) implements RevisionBookkeeping {

        @Override
        public void write(VersionChange change, RenderedRevision rendered, HistoryEntry history, BackfillProgress progress,
                Consumer<FailurePoint> at) throws SQLException {
            at.accept(FailurePoint.VERSION_CHANGE);
            if (progress.has(rendered)) {
                sink.execute(progress.clear(rendered));
            }
            versionTable.apply(sink, change, rendered.id());
            if (history != null) {
                historyTable.append(sink, history);
            }
        }
    }

    /**
     * Queued behind the revision's statements, parameters inlined as literals. A revision with one
     * version-table statement adds it fused with its history row (a statement that fails, aborting
     * the transaction, unless the change touched one row), so the commit that follows sends the
     * revision, its bookkeeping and the COMMIT in one round trip. Other steps (merges) take two:
     * the statements with the version changes, whose row counts are checked, then the history row.
     */
    record Batched(BatchingSink sink, Dialect dialect, VersionTable versionTable, HistoryTable historyTable)
            implements RevisionBookkeeping {

        @Override
        public void write(VersionChange change, RenderedRevision rendered, HistoryEntry history, BackfillProgress progress,
                Consumer<FailurePoint> at) throws SQLException {
            at.accept(FailurePoint.VERSION_CHANGE);
            if (progress.has(rendered)) {
                sink.queue(dialect.inline(progress.clear(rendered)), FailurePoint.VERSION_CHANGE);
            }
            List<VersionTable.Change> changes = versionTable.changes(change);
            Optional<SqlStatement> checked = changes.size() == 1
                    ? historyTable.checkedChange(changes.get(0).statement(), history) : Optional.empty();
            if (checked.isPresent()) {
                sink.queue(dialect.inline(checked.get()), FailurePoint.checkedVersionChange(changes.get(0).what()));
                return;
            }
            for (VersionTable.Change each : changes) {
                sink.queue(dialect.inline(each.statement()), FailurePoint.VERSION_CHANGE);
            }
            int[] counts = sink.send();
            int first = counts.length - changes.size();
            for (int i = 0; i < changes.size(); i++) {
                int count = counts[first + i];
                versionTable.check(count == java.sql.Statement.SUCCESS_NO_INFO ? StatementSink.UNKNOWN_COUNT : count,
                        rendered.id(), changes.get(i).what());
            }
            sink.queue(dialect.inline(historyTable.insert(history)), FailurePoint.VERSION_CHANGE);
        }
    }
}
