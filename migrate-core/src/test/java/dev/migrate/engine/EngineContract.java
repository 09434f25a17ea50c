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

    /** A name as the database's dialect quotes it in messages. */
    static String quoted(TestDatabase database, String name) {
        return Dialects.forUrl(database.url()).quote(name);
    }

    /** The user= parameter of the database's URL. */
    static String urlUser(TestDatabase database) {
        java.util.regex.Matcher user = java.util.regex.Pattern.compile("[?&]user=([^&]*)").matcher(database.url());
        return user.find() ? user.group(1) : null;
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

    @Test
    void currentIsEmptyBeforeTheFirstRunAndAnEmptyPlanChangesNothing(TestDatabase database) throws SQLException {
        OnlineRun run = run(database, "fresh_version", chain("fresh"));
        assertEquals(List.of(), run.current());
        assertEquals(List.of(), run.history());
        RunResult result = run.run(heads -> chain("fresh").up(null));
        assertEquals(List.of(), result.applied());
        assertEquals(List.of(), database.strings("SELECT \"version_num\" FROM \"fresh_version\""));
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
        assertEquals(List.of("42"), database.strings("SELECT \"id\" FROM \"round_a\""));

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
        // The database's own name for the user: H2 upper-cases it; the PostgreSQL and MariaDB URLs carry user=;
        // MySQL Connector/J names it as MySQL does, user@host.
        assertEquals(database.user() != null ? database.user() : urlUser(database),
                history.get(0).executedBy().toLowerCase(java.util.Locale.ROOT).replaceFirst("@.*$", ""));
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
        assertEquals(1, events.stream().filter(e -> e instanceof MigrationEvent.LockAcquired).count(),
                "one 'acquired' line per run, not one per lock: " + events);
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.RevisionStarted s && s.id().equals("b2")
                && s.describe().equals("Running upgrade a1 -> b2, create b2")));
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.RevisionFinished f && f.id().equals("b2")));
    }

    @Test
    void stampWritesTheVersionTableAndOneHistoryRowEach(TestDatabase database) throws SQLException {
        TestRevisions revisions = chain("st");
        OnlineRun run = run(database, "st_version", revisions);
        RunResult stamped = run.stamp(heads -> new VersionChange(heads, List.of("b2")));
        assertEquals(List.of("b2"), stamped.headsAfter());
        assertEquals(List.of("b2"), run.current());
        RunResult restamped = run.stamp(heads -> new VersionChange(heads, List.of("c3")));
        assertEquals(List.of("b2"), restamped.headsBefore());
        assertEquals(List.of("c3"), run.current());
        assertEquals(List.of("base -> b2:stamp", "b2 -> c3:stamp"), run.history().stream()
                .map(entry -> entry.revision() + ":" + HistoryTable.direction(entry.direction())).toList());
    }

    @Test
    void versionTableChangedBehindMigratesBackIsAClearError(TestDatabase database) throws SQLException {
        TestRevisions revisions = chain("vt");
        OnlineRun run = run(database, "vt_version", revisions);
        run.run(heads -> revisions.up(null, "a1"));
        // A plan built from a stale view: it expects b2 to be the head.
        dev.migrate.MigrateException e = org.junit.jupiter.api.Assertions.assertThrows(dev.migrate.MigrateException.class,
                () -> run.run(heads -> revisions.up("b2", "c3")));
        assertTrue(e.getMessage().startsWith("The version table " + quoted(database, "vt_version") + " changed behind migrate's back: 'update b2 to c3'"
                + " for revision c3 touched 0 rows instead of 1."), e.getMessage());
        assertEquals(List.of("a1"), run.current());
    }

    @Test
    void twoRunsRacingApplyEachRevisionExactlyOnce(TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"race_log\" (\"revision\" VARCHAR(20))");
        }
        TestRevisions revisions = new TestRevisions();
        for (String[] pair : new String[][] {{"r1", null}, {"r2", "r1"}, {"r3", "r2"}}) {
            revisions.add(pair[0], pair[1], op -> {
                // Slow enough that the other run arrives while this one holds the lock.
                op.withConnection(c -> sleep(150));
                op.execute("INSERT INTO \"race_log\" (\"revision\") VALUES (?)", pair[0]);
            }, op -> { });
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<RunResult>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                OnlineRun run = run(database, "race_version", revisions);
                results.add(pool.submit(() -> {
                    start.await();
                    return run.run(heads -> revisions.upFrom(heads, "r1", "r2", "r3"));
                }));
            }
            start.countDown();
            int applied = 0;
            for (java.util.concurrent.Future<RunResult> result : results) {
                applied += result.get().applied().size();
            }
            assertEquals(3, applied);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("r1", "r2", "r3"), database.strings("SELECT \"revision\" FROM \"race_log\" ORDER BY 1"));
        assertEquals(List.of("r3"), database.strings("SELECT \"version_num\" FROM \"race_version\""));
    }

    @Test
    void lockTimeoutNamesTheSetting(TestDatabase database) throws Exception {
        TestRevisions revisions = chain("lt");
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> run(database, "lt_version", revisions).run(heads -> {
            holding.countDown();
            await(release);
            return revisions.up(null);
        }));
        holder.start();
        try {
            holding.await();
            events.clear();
            dev.migrate.MigrateException e = org.junit.jupiter.api.Assertions.assertThrows(dev.migrate.MigrateException.class,
                    () -> run(database, "lt_version", revisions, Duration.ofMillis(300)).run(heads -> revisions.up(null)));
            assertTrue(e.getMessage().startsWith("Gave up after waiting 300 ms for the migrate lock on " + quoted(database, "lt_version") + ": another"
                    + " migrate run on this database holds it"), e.getMessage());
            // PostgreSQL and MariaDB go on to say how to end a holder that is gone.
            assertTrue(e.getMessage().contains("This run changed nothing. Let that run finish, or raise migrate.lockTimeout"
                    + " (for example -Dmigrate.lockTimeout=5m)."), e.getMessage());
            assertTrue(events.stream().anyMatch(ev -> ev instanceof MigrationEvent.LockWaiting w
                    && w.lock().equals(quoted(database, "lt_version"))), events.toString());
        } finally {
            release.countDown();
            holder.join();
        }
        // The holder released its lock in finally: the next run gets it at once.
        assertEquals(List.of(), run(database, "lt_version", revisions, Duration.ofMillis(300)).run(heads -> revisions.up(null)).applied());
    }

    @Test
    void failingRevisionRollsBackItselfAndKeepsEarlierOnes(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("f1", null, op -> op.execute("CREATE TABLE \"fail_a\" (\"id\" INT)"), op -> { })
                .add("f2", "f1", op -> {
                    op.execute("INSERT INTO \"fail_a\" (\"id\") VALUES (1)");
                    op.execute("INSERT INTO \"fail_missing\" (\"id\") VALUES (?)", 2);
                }, op -> { });
        OnlineRun run = run(database, "fail_version", revisions);
        dev.migrate.RevisionFailedException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.migrate.RevisionFailedException.class, () -> run.run(heads -> revisions.up(null, "f1", "f2")));
        assertEquals("f2", e.revision());
        assertTrue(e.getMessage().startsWith("Revision 'f2' (com.example.Rev_f2) failed during upgrade: "), e.getMessage());
        assertTrue(e.getMessage().contains("\n  statement: INSERT INTO \"fail_missing\" (\"id\") VALUES (?)\n  SQLState: "
                + e.sqlState() + ", vendor code: " + e.vendorCode() + "\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith("earlier revisions stay applied and the version table is at f1."
                + " Fix the revision and run upgrade again."), e.getMessage());
        assertTrue(e.sqlState().startsWith("42"), e.sqlState());
        assertEquals(database.dialect().equals("h2"), e.getMessage().contains("The revision's transaction was rolled back, but h2"
                + " commits DDL implicitly, so DDL of this revision that ran before the failure may remain;"), e.getMessage());
        assertEquals(List.of("f1"), run.current());
        assertEquals(List.of(), database.strings("SELECT \"id\" FROM \"fail_a\""), "f2's first insert was rolled back");
        List<HistoryEntry> history = run.history();
        assertEquals(List.of("f1", "f2"), history.stream().map(HistoryEntry::revision).toList());
        assertEquals(List.of(true, false), history.stream().map(HistoryEntry::success).toList());
    }

    @Test
    void singleTransactionRollsBackTheWholeRunWhenARevisionFails(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("s1", null, op -> op.execute("INSERT INTO \"single_log\" (\"id\") VALUES (1)"), op -> { })
                .add("s2", "s1", op -> op.execute("INSERT INTO \"single_log\" (\"id\") VALUES (2)"), op -> { })
                .add("s3", "s2", op -> op.execute("INSERT INTO \"single_missing\" (\"id\") VALUES (3)"), op -> { });
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"single_log\" (\"id\" INT)");
        }
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "single_version"), Duration.ofSeconds(30),
                null, events::add, true);
        OnlineRun run = new OnlineRun(ConnectionSource.of(database.url(), database.user(), database.password(),
                getClass().getClassLoader()), Dialects.forUrl(database.url()), settings, revisions.lookup());
        dev.migrate.RevisionFailedException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.migrate.RevisionFailedException.class, () -> run.run(heads -> revisions.up(null, "s1", "s2", "s3")));
        assertEquals("s3", e.revision());
        assertTrue(e.getMessage().endsWith("; the run's single transaction (migrate.singleTransaction) was rolled back"
                + " with it, so the revisions before it in this run were undone too and the version table is at base."
                + " Fix the revision and run upgrade again."), e.getMessage());
        assertEquals(List.of(), run.current());
        assertEquals(List.of(), database.strings("SELECT \"id\" FROM \"single_log\""), "s1 and s2 were rolled back");
        assertEquals(List.of("s3"), run.history().stream().map(HistoryEntry::revision).toList(),
                "only the failed attempt is recorded");

        RunResult fixed = run.run(heads -> revisions.up(null, "s1", "s2"));
        assertEquals(List.of("s1", "s2"), fixed.applied().stream().map(dev.migrate.AppliedRevision::id).toList());
        assertEquals(List.of("s2"), run.current());
        assertEquals(List.of("1", "2"), database.strings("SELECT \"id\" FROM \"single_log\" ORDER BY \"id\""));
    }

    /**
     * Where DDL commits implicitly (MariaDB, H2), a DDL statement of a single-transaction run commits the
     * revisions before it: the failure message and the version table say so, instead of "undone too" and base.
     */
    @Test
    void singleTransactionWithDdlSaysWhatTheDdlCommitted(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("sd1", null, op -> op.execute("INSERT INTO \"sd_log\" (\"id\") VALUES (1)"), op -> { })
                .add("sd2", "sd1", op -> op.execute("CREATE TABLE \"sd_made\" (\"id\" INT)"), op -> { })
                .add("sd3", "sd2", op -> op.execute("INSERT INTO \"sd_missing\" (\"id\") VALUES (3)"), op -> { });
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"sd_log\" (\"id\" INT)");
        }
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "sd_version"), Duration.ofSeconds(30),
                null, events::add, true);
        OnlineRun run = new OnlineRun(ConnectionSource.of(database.url(), database.user(), database.password(),
                getClass().getClassLoader()), Dialects.forUrl(database.url()), settings, revisions.lookup());

        dev.migrate.RevisionFailedException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.migrate.RevisionFailedException.class, () -> run.run(heads -> revisions.up(null, "sd1", "sd2", "sd3")));

        boolean transactionalDdl = Dialects.forUrl(database.url()).capabilities().transactionalDdl();
        List<String> stays = transactionalDdl ? List.of() : List.of("sd1");
        assertEquals(stays, run.current(), "the version table");
        assertEquals(stays.isEmpty() ? List.of() : List.of("1"), database.strings("SELECT \"id\" FROM \"sd_log\""));
        assertTrue(e.getMessage().endsWith(transactionalDdl
                ? "; the run's single transaction (migrate.singleTransaction) was rolled back with it, so the revisions"
                        + " before it in this run were undone too and the version table is at base. Fix the revision and"
                        + " run upgrade again."
                : "; migrate.singleTransaction could not hold the run in one transaction, since each DDL statement commits"
                        + " what ran before it, so the revisions of this run before its last DDL statement stay applied and"
                        + " the version table is at sd1. Fix the revision and run upgrade again."), e.getMessage());
    }

    @Test
    void aRevisionWhoseBackfillFailedResumesAtItsBatchedUpdate(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"bfr_fault\" (\"armed\" BOOLEAN NOT NULL)");
            statement.execute("INSERT INTO \"bfr_fault\" VALUES (TRUE)");
        }
        // Neither statement before the backfill could run twice: a resumed run must not repeat them.
        TestRevisions revisions = new TestRevisions().add("r1", null, op -> {
            op.execute("CREATE TABLE \"bfr_event\" (\"id\" INT PRIMARY KEY, \"kind\" VARCHAR(10),"
                    + " CONSTRAINT \"bfr_no_boom\" CHECK (\"kind\" <> 'boom'))");
            op.bulkInsert("bfr_event", List.of("id"), java.util.stream.IntStream.rangeClosed(1, 300)
                    .mapToObj(i -> List.<Object>of(i)).toList());
            // While the fault is armed, row 150 gets a value its CHECK refuses: the batch holding it fails.
            op.batchedUpdate("bfr_event", "\"kind\" = CASE WHEN \"id\" = 150 AND (SELECT \"armed\" FROM \"bfr_fault\")"
                    + " THEN 'boom' ELSE 'done' END", "\"kind\" IS NULL", 50);
        }, op -> op.execute("DROP TABLE \"bfr_event\""));
        OnlineRun run = run(database, "bfr_version", revisions);
        org.junit.jupiter.api.Assertions.assertThrows(dev.migrate.RevisionFailedException.class,
                () -> run.run(heads -> revisions.up(null, "r1")));
        assertEquals(List.of(), run.current());
        assertEquals(List.of("r1"), database.strings("SELECT \"revision\" FROM \"bfr_progress\""));

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE \"bfr_fault\" SET \"armed\" = FALSE");
        }
        events.clear();
        run.run(heads -> revisions.up(null, "r1"));
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.Resumed resumed && resumed.revision().equals("r1")
                && resumed.skippedSteps() == 2), events.toString());
        assertEquals(List.of("r1"), run.current());
        assertEquals(List.of("300"), database.strings("SELECT COUNT(*) FROM \"bfr_event\" WHERE \"kind\" = 'done'"));
        assertEquals(List.of(), database.strings("SELECT \"revision\" FROM \"bfr_progress\""),
                "the completed revision forgets its resume point");
    }

    @Test
    void withConnectionGetsTheRevisionsConnection(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("w1", null, op -> {
                    op.execute("CREATE TABLE \"wc_t\" (\"id\" INT)");
                    op.withConnection(c -> {
                        try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO \"wc_t\" VALUES (?)")) {
                            for (int i = 1; i <= 3; i++) {
                                insert.setInt(1, i);
                                insert.executeUpdate();
                            }
                        }
                    });
                }, op -> { });
        run(database, "wc_version", revisions).run(heads -> revisions.up(null, "w1"));
        assertEquals(List.of("1", "2", "3"), database.strings("SELECT \"id\" FROM \"wc_t\" ORDER BY 1"));
    }

    @Test
    void batchedUpdateCommitsBatchesAndReportsProgress(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("bu1", null, op -> {
                    op.execute("CREATE TABLE \"bu_t\" (\"id\" INT PRIMARY KEY, \"status\" VARCHAR(10))");
                    for (int i = 1; i <= 25; i++) {
                        op.execute("INSERT INTO \"bu_t\" (\"id\") VALUES (?)", i);
                    }
                    op.batchedUpdate("bu_t", "\"status\" = 'open'", "\"status\" IS NULL", 10);
                    op.alterColumn("bu_t", "status", c -> c.notNull());
                }, op -> { });
        run(database, "bu_version", revisions).run(heads -> revisions.up(null, "bu1"));
        List<MigrationEvent.BatchProgress> batches = events.stream().filter(e -> e instanceof MigrationEvent.BatchProgress)
                .map(e -> (MigrationEvent.BatchProgress) e).toList();
        assertEquals(List.of(10L, 10L, 5L, 0L), batches.stream().map(MigrationEvent.BatchProgress::rows).toList());
        assertEquals(25L, batches.get(3).totalRows());
        // The total is counted before the first batch; a short run gives no time estimate.
        assertEquals(List.of(25L, 25L, 25L, 25L), batches.stream().map(MigrationEvent.BatchProgress::expectedRows).toList());
        assertTrue(batches.stream().allMatch(b -> b.remaining() == null), batches::toString);
        assertEquals("bu1: batch 3 updated 5 row(s) of bu_t, 25 so far of about 25 (100 %)", batches.get(2).describe());
        assertEquals("bu1: batch 1 updated 10 row(s) of bu_t, 10 so far of about 25 (40 %)", batches.get(0).describe());
        assertEquals(List.of("0"), database.strings("SELECT COUNT(*) FROM \"bu_t\" WHERE \"status\" <> 'open'"));
    }

    @Test
    void exceptionsFromRevisionCodeNameTheRevision(TestDatabase database) {
        TestRevisions revisions = new TestRevisions()
                .add("x1", null, op -> {
                    throw new IllegalStateException("no table name configured");
                }, op -> { })
                .add("x2", null, op -> op.withConnection(c -> {
                    throw new IllegalArgumentException("bad row 7");
                }), op -> { });
        OnlineRun run = run(database, "x_version", revisions);
        dev.migrate.MigrateException recording = org.junit.jupiter.api.Assertions.assertThrows(dev.migrate.MigrateException.class,
                () -> run.run(heads -> revisions.up(null, "x1")));
        assertEquals("Revision 'x1' (com.example.Rev_x1) threw IllegalStateException in upgrade(): no table name configured."
                + " Nothing of it was run; fix the revision class.", recording.getMessage());
        dev.migrate.RevisionFailedException callback = org.junit.jupiter.api.Assertions.assertThrows(
                dev.migrate.RevisionFailedException.class, () -> run.run(heads -> revisions.up(null, "x2")));
        assertTrue(callback.getMessage().startsWith("Revision 'x2' (com.example.Rev_x2) failed during upgrade:"
                + " IllegalArgumentException: bad row 7\n  statement: (withConnection callback)\n"), callback.getMessage());
        assertEquals(null, callback.sqlState());
        assertEquals(List.of(), run.current());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
