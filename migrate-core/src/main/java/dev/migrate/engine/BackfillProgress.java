package dev.migrate.engine;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where interrupted batched updates resume. A revision's steps before a batched update are
 * committed before its first batch (so a long backfill holds none of their locks), together with a
 * row here naming the step to resume at; the revision's own transaction deletes the row when it
 * completes. A run that finds a row for a revision, direction and checksum starts that revision at
 * its batched update instead of repeating what was committed. A revision edited since (another
 * checksum) runs whole again. Read once per run, written only by revisions with batched updates.
 */
final class BackfillProgress {

    /** No resume points (offline scripts, and tests without a database). */
    static final BackfillProgress NONE = new BackfillProgress(null, null, Map.of());

    private final Dialect dialect;
    private final BookkeepingTables tables;
    private final Map<String, Point> points;

    private record Point(String checksum, int resumeAt) {
    }

    private BackfillProgress(Dialect dialect, BookkeepingTables tables, Map<String, Point> points) {
        this.dialect = dialect;
        this.tables = tables;
        this.points = points;
    }

    /** The resume points in the database; the table exists (created with the version table). */
    static BackfillProgress read(Connection connection, Dialect dialect, BookkeepingTables tables) throws SQLException {
        Map<String, Point> points = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(dialect.selectProgress(tables.schema(), tables.progress()).sql())) {
            while (rows.next()) {
                points.put(key(rows.getString(1), rows.getString(2)), new Point(rows.getString(3), rows.getInt(4)));
            }
        }
        return new BackfillProgress(dialect, tables, points);
    }

    /** The step {@code revision} resumes at: 0 (from the start) unless an attempt of the same checksum stopped in a backfill. */
    int resumeAt(RenderedRevision revision) {
        Point point = points.get(key(revision.id(), direction(revision.step().direction())));
        return point != null && point.checksum().equals(revision.checksum()) ? point.resumeAt() : 0;
    }

    /** True when the database holds a resume point of {@code revision}, which its completion must delete. */
    boolean has(RenderedRevision revision) {
        return points.containsKey(key(revision.id(), direction(revision.step().direction())));
    }

    /** Statements that make {@code revision} resume at step {@code resumeAt}; run in the transaction that commits the steps before it. */
    List<SqlStatement> record(RenderedRevision revision, int resumeAt) {
        if (dialect == null) {
            return List.of();
        }
        String direction = direction(revision.step().direction());
        points.put(key(revision.id(), direction), new Point(revision.checksum(), resumeAt));
        return List.of(clear(revision),
                SqlStatement.of(dialect.insertProgress(tables.schema(), tables.progress()).sql(), revision.id(), direction,
                        revision.checksum(), resumeAt));
    }

    /** The statement that forgets {@code revision}'s resume point, in the transaction that completes it. */
    SqlStatement clear(RenderedRevision revision) {
        return SqlStatement.of(dialect.deleteProgress(tables.schema(), tables.progress()).sql(), revision.id(),
                direction(revision.step().direction()));
    }

    private static String key(String revision, String direction) {
        return revision + "\n" + direction;
    }

    private static String direction(Direction direction) {
        return HistoryTable.direction(direction);
    }
}
