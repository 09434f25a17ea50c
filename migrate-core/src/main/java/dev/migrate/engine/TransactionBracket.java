package dev.migrate.engine;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.VersionChange;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactions of one run and what they leave in the version table: which heads the steps so
 * far produced, and which of them are committed, i.e. where the database stands if the run stops
 * now. A single-transaction run keeps one transaction open across revisions; others commit each.
 */
final class TransactionBracket {

    private final StatementSink sink;
    private final Dialect dialect;
    /** Per-transaction lock wait for the revisions' statements, or null to wait as the database does. */
    private final Duration ddlLockTimeout;
    private final List<String> heads;
    private final List<String> committed;
    private boolean open;
    private boolean committedImplicitly;

    TransactionBracket(StatementSink sink, Dialect dialect, Duration ddlLockTimeout, List<String> headsBefore) {
        this.sink = sink;
        this.dialect = dialect;
        this.ddlLockTimeout = ddlLockTimeout;
        this.heads = new ArrayList<>(headsBefore);
        this.committed = new ArrayList<>(headsBefore);
    }

    boolean isOpen() {
        return open;
    }

    /** Opens a transaction unless one is open, with its per-transaction settings. */
    void open() throws SQLException {
        if (open) {
            return;
        }
        sink.begin();
        open = true;
        applySettings();
    }

    /** Commits what ran so far: the version table then holds {@link #heads()}. */
    void commit() throws SQLException {
        sink.commit();
        open = false;
        markCommitted();
    }

    /**
     * A statement ran outside the transaction: the sink committed what ran before it and opened
     * the next transaction, whose settings must be set again.
     */
    void committedAroundStatement() throws SQLException {
        markCommitted();
        applySettings();
    }

    /**
     * A statement committed the open transaction before it ran (DDL where DDL is not transactional): what ran
     * before it, the version-table changes of earlier revisions of a single-transaction run among them, is
     * committed; the transaction it left goes on with the same session settings.
     */
    void committedImplicitly() {
        markCommitted();
        committedImplicitly = true;
    }

    /** True once a statement of this run committed implicitly ({@link #committedImplicitly()}). */
    boolean anyImplicitCommit() {
        return committedImplicitly;
    }

    /** Rolls the open transaction back: the heads go back to what was last committed. */
    void rollBack() {
        sink.rollbackQuietly();
        open = false;
        heads.clear();
        heads.addAll(committed);
    }

    /** Applies a step's version-table change to the heads, as the version table now holds them. */
    void replay(VersionChange change) {
        heads.removeAll(change.removed());
        heads.addAll(change.added());
        if (!open) {
            markCommitted();
        }
    }

    /** The version table's rows after the steps so far, sorted. */
    List<String> heads() {
        return sorted(heads);
    }

    /** The version table's rows as of the last commit, sorted: where the database stands if the run stops here. */
    List<String> committedHeads() {
        return sorted(committed);
    }

    private void markCommitted() {
        committed.clear();
        committed.addAll(heads);
    }

    private void applySettings() throws SQLException {
        if (ddlLockTimeout != null) {
            for (SqlStatement setting : dialect.ddlLockTimeout(ddlLockTimeout)) {
                sink.execute(setting);
            }
        }
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }
}
