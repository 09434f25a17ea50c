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

    /** Marks the checksum of a statement resume point: the statements before it, not the whole revision. */
    private static final String PREFIX_MARK = "p:";

    /**
     * Where a revision stopped on a database whose DDL commits implicitly: {@code resumeAt} units of it
     * took effect for good, and {@code checksum} is {@link #prefixChecksum} of them as they ran.
     */
    record Stopped(int resumeAt, String checksum) {
    }

    /** The statement resume point of {@code revision} in this direction, if an earlier run left one. */
    java.util.Optional<Stopped> stopped(RenderedRevision revision) {
        Point point = points.get(key(revision.id(), direction(revision.step().direction())));
        return point != null && point.checksum() != null && point.checksum().startsWith(PREFIX_MARK)
                ? java.util.Optional.of(new Stopped(point.resumeAt(), point.checksum())) : java.util.Optional.empty();
    }

    /** The checksum of the statements that took effect: fits the table's 64 characters with its mark. */
    static String prefixChecksum(List<SqlStatement> statements) {
        return PREFIX_MARK + Checksums.of(statements).substring(0, 64 - PREFIX_MARK.length());
    }

    /** Records that {@code revision}'s first {@code resumeAt} units took effect, {@code checksum} being theirs. */
    List<SqlStatement> recordStatements(RenderedRevision revision, int resumeAt, String checksum) {
        if (dialect == null) {
            return List.of();
        }
        String direction = direction(revision.step().direction());
        points.put(key(revision.id(), direction), new Point(checksum, resumeAt));
        return List.of(clear(revision),
                SqlStatement.of(dialect.insertProgress(tables.schema(), tables.progress()).sql(), revision.id(), direction,
                        checksum, resumeAt));
    }

    /**
     * The statement that forgets {@code revision}'s row, as a user types it: {@link #clear} with its
     * values written in by the dialect.
     */
    String forgetByHand(RenderedRevision revision) {
        return dialect.inline(clear(revision));
    }

    /** The progress table's qualified name. */
    String table() {
        return dialect.qualify(tables.schema(), tables.progress());
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

    /** Every revision a run stopped inside, by id then direction: what {@code current} reports as partly applied. */
    List<dev.migrate.InterruptedRevision> interrupted() {
        return points.entrySet().stream()
                .map(entry -> {
                    String[] revisionAndDirection = entry.getKey().split("\n", 2);
                    return new dev.migrate.InterruptedRevision(revisionAndDirection[0],
                            Direction.valueOf(revisionAndDirection[1].toUpperCase(java.util.Locale.ROOT)),
                            entry.getValue().resumeAt());
                })
                .sorted(java.util.Comparator.comparing(dev.migrate.InterruptedRevision::revision)
                        .thenComparing(dev.migrate.InterruptedRevision::direction))
                .toList();
    }

    private static String key(String revision, String direction) {
        return revision + "\n" + direction;
    }

    private static String direction(Direction direction) {
        return HistoryTable.direction(direction);
    }
}
