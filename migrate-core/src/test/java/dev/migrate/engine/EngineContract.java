package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.HistoryEntry;
import dev.migrate.MigrationEvent;
import dev.migrate.RunResult;
import dev.migrate.dialect.Dialects;
import dev.migrate.graph.Direction;
import dev.migrate.graph.VersionChange;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Online runs on a real database, without the graph: plans are written by hand. Subclasses pick
 * the database through their extension. Each test uses its own version table, so tests in one
 * class never see each other's rows.
 */
abstract class EngineContract {

    final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    OnlineRun run(TestDatabase database, String versionTable, TestRevisions revisions) {
        return run(database, versionTable, revisions, Duration.ofSeconds(30));
    }

    OnlineRun run(TestDatabase database, String versionTable, TestRevisions revisions, Duration lockTimeout) {
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, versionTable), lockTimeout, null, events::add);
        return new OnlineRun(ConnectionSource.of(database.url(), database.user(), database.password(),
                getClass().getClassLoader()), Dialects.forUrl(database.url()), settings, revisions.lookup());
    }

    static TestRevisions chain(String prefix) {
        return new TestRevisions()
                .add("a1", null, op -> op.execute("CREATE TABLE \"" + prefix + "_a\" (\"id\" INT PRIMARY KEY)"),
                        op -> op.execute("DROP TABLE \"" + prefix + "_a\""))
                .add("b2", "a1", op -> op.execute("INSERT INTO \"" + prefix + "_a\" (\"id\") VALUES (?)", 42),
                        op -> op.execute("DELETE FROM \"" + prefix + "_a\" WHERE \"id\" = ?", 42))
                .add("c3", "b2", op -> op.execute("CREATE TABLE \"" + prefix + "_c\" (\"id\" INT)"),
                        op -> op.execute("DROP TABLE \"" + prefix + "_c\""));
    }

    static List<String> strings(TestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void currentIsEmptyBeforeTheFirstRunAndAnEmptyPlanChangesNothing(TestDatabase database) throws SQLException {
        OnlineRun run = run(database, "fresh_version", chain("fresh"));
        assertEquals(List.of(), run.current());
        assertEquals(List.of(), run.history());
        RunResult result = run.run(heads -> chain("fresh").up(null));
        assertEquals(List.of(), result.applied());
        assertEquals(List.of(), strings(database, "SELECT \"version_num\" FROM \"fresh_version\""));
    }

    @Test
    void upgradeDowngradeAndUpgradeAgain(TestDatabase database) throws SQLException {
        TestRevisions revisions = chain("round");
        OnlineRun run = run(database, "round_version", revisions);

        RunResult up = run.run(heads -> revisions.up(null, "a1", "b2", "c3"));
        assertEquals(List.of("a1", "b2", "c3"), up.applied().stream().map(a -> a.id()).toList());
        assertEquals(List.of(), up.headsBefore());
        assertEquals(List.of("c3"), up.headsAfter());
        assertEquals(List.of("c3"), run.current());
        assertEquals(List.of("42"), strings(database, "SELECT \"id\" FROM \"round_a\""));

        RunResult down = run.run(heads -> revisions.down("c3", "b2", "a1"));
        assertEquals(List.of("c3", "b2", "a1"), down.applied().stream().map(a -> a.id()).toList());
        assertEquals(List.of(), down.headsAfter());
        assertEquals(List.of(), run.current());

        run.run(heads -> revisions.up(null, "a1", "b2", "c3"));
        assertEquals(List.of("c3"), run.current());
        List<HistoryEntry> history = run.history();
        assertEquals(List.of("a1", "b2", "c3", "c3", "b2", "a1", "a1", "b2", "c3"),
                history.stream().map(HistoryEntry::revision).toList());
        assertTrue(history.stream().allMatch(HistoryEntry::success));
        assertEquals(Direction.DOWN, history.get(3).direction());
        assertEquals(history.get(0).checksum(), history.get(6).checksum(), "same SQL, same checksum");
        assertFalse(history.get(0).checksum().equals(history.get(1).checksum()));
        assertEquals(Checksums.VERSION, history.get(0).checksumVersion());
        assertEquals(database.user() == null ? history.get(0).executedBy() : database.user(),
                history.get(0).executedBy().toLowerCase(java.util.Locale.ROOT));
        assertTrue(!history.get(0).finished().isBefore(history.get(0).started()));
    }

    @Test
    void runPlansFromTheRowsReadUnderTheLockAndReportsEvents(TestDatabase database) {
        TestRevisions revisions = chain("ev");
        OnlineRun run = run(database, "ev_version", revisions);
        run.run(heads -> revisions.up(null, "a1"));
        events.clear();
        List<List<String>> seen = new ArrayList<>();
        RunResult result = run.run(heads -> {
            seen.add(heads);
            return revisions.up("a1", "b2");
        });
        assertEquals(List.of(List.of("a1")), seen);
        assertEquals(List.of("a1"), result.headsBefore());
        assertTrue(events.get(0) instanceof MigrationEvent.LockAcquired, events.toString());
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.RevisionStarted s && s.id().equals("b2")
                && s.describe().equals("Running upgrade a1 -> b2, create b2")));
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.RevisionFinished f && f.id().equals("b2")));
    }

    @Test
    void stampWritesTheVersionTableOnly(TestDatabase database) throws SQLException {
        TestRevisions revisions = chain("st");
        OnlineRun run = run(database, "st_version", revisions);
        RunResult stamped = run.stamp(heads -> new VersionChange(heads, List.of("b2")));
        assertEquals(List.of("b2"), stamped.headsAfter());
        assertEquals(List.of("b2"), run.current());
        RunResult restamped = run.stamp(heads -> new VersionChange(heads, List.of("c3")));
        assertEquals(List.of("b2"), restamped.headsBefore());
        assertEquals(List.of("c3"), run.current());
        assertEquals(0, strings(database, "SELECT COUNT(*) FROM \"st_history\"").stream().mapToInt(Integer::parseInt).sum());
    }

    @Test
    void versionTableChangedBehindMigratesBackIsAClearError(TestDatabase database) throws SQLException {
        TestRevisions revisions = chain("vt");
        OnlineRun run = run(database, "vt_version", revisions);
        run.run(heads -> revisions.up(null, "a1"));
        // A plan built from a stale view: it expects b2 to be the head.
        dev.migrate.MigrateException e = org.junit.jupiter.api.Assertions.assertThrows(dev.migrate.MigrateException.class,
                () -> run.run(heads -> revisions.up("b2", "c3")));
        assertTrue(e.getMessage().startsWith("The version table \"vt_version\" changed behind migrate's back: 'update b2 to c3'"
                + " for revision c3 touched 0 rows instead of 1."), e.getMessage());
        assertEquals(List.of("a1"), run.current());
    }
}
