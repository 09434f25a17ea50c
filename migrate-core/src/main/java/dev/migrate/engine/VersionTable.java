package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.BookkeepingTable;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.VersionChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The version table: one row per applied head, Alembic's semantics. Applies a step's
 * {@link VersionChange} (computed by the graph) and checks that every statement touched exactly
 * one row, so a table changed behind migrate's back is noticed instead of silently diverging.
 */
final class VersionTable {

    private final Dialect dialect;
    private final BookkeepingTables tables;

    VersionTable(Dialect dialect, BookkeepingTables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    /** Schema (when configured), version table and, online, history and progress tables; all "if missing". */
    void create(StatementSink sink, boolean withHistory) throws SQLException {
        if (tables.schema() != null) {
            sink.execute(dialect.createSchemaIfMissing(tables.schema()));
        }
        sink.execute(dialect.createIfMissing(BookkeepingTable.VERSION, tables.schema(), tables.version()));
        if (withHistory) {
            sink.execute(dialect.createIfMissing(BookkeepingTable.HISTORY, tables.schema(), tables.history()));
            sink.execute(dialect.createIfMissing(BookkeepingTable.PROGRESS, tables.schema(), tables.progress()));
        }
    }

    /** Sends {@link dev.migrate.dialect.BookkeepingSql#probeWrites} for the tables {@link #create} made (with history). */
    void probeWrites(StatementSink sink) throws SQLException {
        for (List<SqlStatement> probe : List.of(
                dialect.probeWrites(BookkeepingTable.VERSION, tables.schema(), tables.version()),
                dialect.probeWrites(BookkeepingTable.HISTORY, tables.schema(), tables.history()),
                dialect.probeWrites(BookkeepingTable.PROGRESS, tables.schema(), tables.progress()))) {
            for (SqlStatement statement : probe) {
                sink.execute(statement);
            }
        }
    }

    /** The applied heads, sorted. */
    List<String> read(Connection connection) throws SQLException {
        List<String> heads = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(dialect.selectVersions(tables.schema(), tables.version()).sql())) {
            while (rows.next()) {
                heads.add(rows.getString(1));
            }
        }
        heads.sort(null);
        return heads;
    }

    /**
     * The rows, read in a transaction of their own that waits for table locks at most {@code lockWait}
     * (see {@link #boundLockWait}).
     */
    List<String> readWaitingAtMost(Connection connection, Duration lockWait) throws SQLException {
        JdbcSink sink = new JdbcSink(connection);
        try {
            boundLockWait(sink, lockWait);
            List<String> rows = read(connection);
            sink.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            sink.rollbackQuietly();
            throw e;
        }
    }

    /**
     * Someone's {@code LOCK TABLE migrate_version} (or a long transaction that wrote it) must not
     * hang a run: where a lock wait can be bounded for one transaction (PostgreSQL's SET LOCAL
     * lock_timeout, 55P03 when it runs out), the current transaction waits at most {@code lockWait}.
     */
    void boundLockWait(StatementSink sink, Duration lockWait) throws SQLException {
        if (dialect.capabilities().transactionalDdl()) {
            Duration bound = lockWait.isZero() ? Duration.ofMillis(1) : lockWait; // 0 would mean "no bound"
            for (SqlStatement setting : dialect.ddlLockTimeout(bound)) {
                sink.execute(setting);
            }
        }
    }

    /** One statement of a version-table change and what it does, for the row-count check's message. */
    record Change(SqlStatement statement, String what) {
    }

    /**
     * The statements of {@code change}, choosing the row Alembic's {@code HeadMaintainer} updates: a
     * linear step is one UPDATE; removed rows beyond the added ones are deleted first, so a merge
     * updates its last removed row (the last parent) to the merge; added rows beyond the removed ones
     * are inserted last, so an unmerge or a stamp to several revisions updates the old row to the
     * first added one. A branch base is an INSERT, a branch's last downgrade a DELETE.
     */
    List<Change> changes(VersionChange change) {
        List<String> removed = change.removed();
        List<String> added = change.added();
        int paired = Math.min(removed.size(), added.size());
        int deleted = removed.size() - paired;
        List<Change> changes = new ArrayList<>(Math.max(removed.size(), added.size()));
        for (String row : removed.subList(0, deleted)) {
            changes.add(new Change(dialect.deleteVersion(tables.schema(), tables.version(), row), "delete " + row));
        }
        for (int i = 0; i < paired; i++) {
            String from = removed.get(deleted + i);
            String to = added.get(i);
            changes.add(new Change(dialect.updateVersion(tables.schema(), tables.version(), from, to),
                    "update " + from + " to " + to));
        }
        for (String row : added.subList(paired, added.size())) {
            changes.add(new Change(dialect.insertVersion(tables.schema(), tables.version(), row), "insert " + row));
        }
        return changes;
    }

    /** Writes {@code change} statement by statement, checking that each touched exactly one row. */
    void apply(StatementSink sink, VersionChange change, String revision) throws SQLException {
        for (Change each : changes(change)) {
            check(sink.executeNow(each.statement()), revision, each.what());
        }
    }

    /** Removes every row ({@code stamp --purge}). */
    void purge(StatementSink sink) throws SQLException {
        sink.execute(dialect.deleteAllVersions(tables.schema(), tables.version()));
    }

    /** Fails unless {@code count} is one row (or unknown, offline). */
    void check(int count, String revision, String what) {
        if (count != StatementSink.UNKNOWN_COUNT && count != 1) {
            throw mismatch(revision, "'" + what + "'", count + " rows");
        }
    }

    /** The error for a version-table statement of {@code revision} that touched {@code touched} instead of one row. */
    MigrateException mismatch(String revision, String what, String touched) {
        return new MigrateException("The version table " + dialect.qualify(tables.schema(), tables.version())
                + " changed behind migrate's back: " + what + " for revision " + revision + " touched " + touched
                + " instead of 1. Nothing of this revision was kept. Run 'current' to see the table, and"
                + " 'stamp' to correct it if it is wrong.");
    }
}
