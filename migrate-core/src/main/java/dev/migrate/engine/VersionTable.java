package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.VersionChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Schema (when configured), version table and, online, history table; all "if missing". */
    void create(StatementSink sink, boolean withHistory) throws SQLException {
        if (tables.schema() != null) {
            sink.execute(dialect.createSchemaIfMissing(tables.schema()));
        }
        sink.execute(dialect.createVersionTable(tables.schema(), tables.version()));
        if (withHistory) {
            sink.execute(dialect.createHistoryTable(tables.schema(), tables.history()));
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
     * Writes {@code change}: removed rows are paired with added rows as UPDATEs (one statement for
     * a linear step), the rest become DELETEs and INSERTs (merges, branch bases, last downgrades).
     */
    void apply(StatementSink sink, VersionChange change, String revision) throws SQLException {
        List<String> removed = change.removed();
        List<String> added = change.added();
        int paired = Math.min(removed.size(), added.size());
        for (int i = 0; i < paired; i++) {
            check(sink.execute(dialect.updateVersion(tables.schema(), tables.version(), removed.get(i), added.get(i))),
                    revision, "update " + removed.get(i) + " to " + added.get(i));
        }
        for (String row : removed.subList(paired, removed.size())) {
            check(sink.execute(dialect.deleteVersion(tables.schema(), tables.version(), row)), revision, "delete " + row);
        }
        for (String row : added.subList(paired, added.size())) {
            check(sink.execute(dialect.insertVersion(tables.schema(), tables.version(), row)), revision, "insert " + row);
        }
    }

    /** Removes every row ({@code stamp --purge}). */
    void purge(StatementSink sink) throws SQLException {
        sink.execute(dialect.deleteAllVersions(tables.schema(), tables.version()));
    }

    private void check(int count, String revision, String what) {
        if (count != StatementSink.UNKNOWN_COUNT && count != 1) {
            throw new MigrateException("The version table " + dialect.qualify(tables.schema(), tables.version())
                    + " changed behind migrate's back: '" + what + "' for revision " + revision + " touched " + count
                    + " rows instead of 1. Nothing of this revision was kept. Run 'current' to see the table, and"
                    + " 'stamp' to correct it if it is wrong.");
        }
    }
}
