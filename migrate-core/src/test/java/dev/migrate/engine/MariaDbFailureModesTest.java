package dev.migrate.engine;

import static dev.migrate.testing.Bounded.BOUND_MILLIS;
import static dev.migrate.testing.Bounded.await;
import static dev.migrate.testing.Bounded.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.InterruptedRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.RevisionFailedException;
import dev.migrate.RunResult;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.graph.Direction;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What production throws at a run on MariaDB, where DDL commits implicitly: the work connection
 * killed in the middle of a revision ({@code KILL CONNECTION} from another session), the lock
 * connection killed, and a second run taking over from one that lost its lock. Synchronised with
 * latches and bounded polling of the server's process list, never with sleeps.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
@Timeout(120)
class MariaDbFailureModesTest {

    private OnlineRun run(TestDatabase database, String table, TestRevisions revisions, List<MigrationEvent> events) {
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, table), Duration.ofSeconds(30), null,
                events::add);
        return new OnlineRun(ConnectionSource.of(MariaDbDatabaseExtension.plainUrl(database), null, null,
                getClass().getClassLoader()), new MariaDbDialect(), settings, revisions.lookup())
                .checkingLockEvery(Duration.ZERO);
    }

    @Test
    void aWorkConnectionKilledMidRevisionSaysWhatWasAppliedAndTheNextRunResumesAfterIt(TestDatabase database)
            throws Exception {
        execute(database, "CREATE TABLE `kw_log` (`revision` VARCHAR(20))");
        AtomicBoolean slowOnce = new AtomicBoolean(true);
        TestRevisions revisions = new TestRevisions()
                .add("k1", null, op -> op.execute("INSERT INTO `kw_log` VALUES ('k1')"), op -> { })
                .add("k2", "k1", op -> {
                    op.execute("CREATE TABLE `kw_a` (`id` INT)");
                    op.execute("CREATE TABLE `kw_b` (`id` INT)");
                    // The third statement is running when a DBA (or a failover) kills the session.
                    op.execute(slowOnce.getAndSet(false) ? "SELECT SLEEP(60)" : "SELECT 1");
                    op.execute("CREATE TABLE `kw_d` (`id` INT)");
                    op.execute("INSERT INTO `kw_log` VALUES ('k2')");
                }, op -> { });
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        OnlineRun run = run(database, "kw_version", revisions, events);
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(
                () -> run.run(heads -> revisions.upFrom(heads, "k1", "k2")));
        String sleeper = "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT SLEEP(60)' AND DB = DATABASE()";
        poll(() -> !strings(database, sleeper).isEmpty(), "the third statement runs on the server");
        execute(database, "KILL CONNECTION " + strings(database, sleeper).get(0));

        Throwable failure = assertThrows(ExecutionException.class,
                () -> running.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).getCause();
        assertTrue(failure instanceof RevisionFailedException, String.valueOf(failure));
        RevisionFailedException e = (RevisionFailedException) failure;
        String message = e.getMessage();
        assertTrue(e.connectionLost(), message);
        assertEquals("k2", e.revision());
        assertTrue(message.startsWith("Revision 'k2' (com.example.Rev_k2) did not finish: the connection to 127.0.0.1:"),
                message);
        assertTrue(message.contains("\n  statement: SELECT SLEEP(60)\n"), message);
        assertTrue(message.contains("mariadb commits DDL implicitly, so the revision's first 2 statement(s) took effect and"
                + " stay (recorded in `kw_progress`); the rest were rolled back or did not run:\n"
                + "  applied:     1. CREATE TABLE `kw_a` (`id` INT)\n"
                + "  applied:     2. CREATE TABLE `kw_b` (`id` INT)\n"
                + "  not applied: 3. SELECT SLEEP(60) (running when the connection was lost)\n"
                + "  not applied: 4. CREATE TABLE `kw_d` (`id` INT)\n"
                + "  not applied: 5. INSERT INTO `kw_log` VALUES ('k2')\n"
                + "Earlier revisions stay applied (the version table was at k1 before this revision).\n"), message);
        assertTrue(message.endsWith("Read again on a new connection, the version table is at k1. Running upgrade again is"
                + " safe: it resumes revision 'k2' at statement 3."), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(message.contains("\tat "), message);
        assertEquals(List.of("k1"), run.current());
        assertEquals(List.of("k1:true", "k2:false"), run.history().stream().map(h -> h.revision() + ":" + h.success())
                .toList(), "the failed attempt is recorded on a new connection");
        assertEquals(List.of(new InterruptedRevision("k2", Direction.UP, 2)), run.interrupted(),
                "what current reports as partly applied");

        events.clear();
        RunResult again = run.run(heads -> revisions.upFrom(heads, "k1", "k2"));
        assertEquals(List.of("k2"), again.applied().stream().map(a -> a.id()).toList());
        assertTrue(events.stream().anyMatch(ev -> ev instanceof MigrationEvent.Resumed r && r.skippedSteps() == 2),
                events::toString);
        assertEquals(List.of("k2"), run.current());
        assertEquals(List.of("k1", "k2"), strings(database, "SELECT `revision` FROM `kw_log` ORDER BY 1"),
                "each revision's rows exactly once");
        assertEquals(List.of(), strings(database, "SELECT `revision` FROM `kw_progress`"));
        assertEquals(List.of(), run.interrupted());
    }

    @Test
    void aWorkConnectionKilledBeforeAnyDdlOfTheRevisionLeavesNothingOfIt(TestDatabase database) throws Exception {
        AtomicBoolean slowOnce = new AtomicBoolean(true);
        TestRevisions revisions = new TestRevisions()
                .add("n1", null, op -> {
                    op.execute(slowOnce.getAndSet(false) ? "SELECT SLEEP(60)" : "SELECT 1");
                    op.execute("CREATE TABLE `nw_a` (`id` INT)");
                }, op -> { });
        OnlineRun run = run(database, "nw_version", revisions, new CopyOnWriteArrayList<>());
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run.run(heads -> revisions.up(null, "n1")));
        String sleeper = "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT SLEEP(60)' AND DB = DATABASE()";
        poll(() -> !strings(database, sleeper).isEmpty(), "the first statement runs on the server");
        execute(database, "KILL CONNECTION " + strings(database, sleeper).get(0));

        Throwable failure = assertThrows(ExecutionException.class,
                () -> running.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).getCause();
        assertTrue(failure instanceof RevisionFailedException lost && lost.connectionLost(), String.valueOf(failure));
        String message = failure.getMessage();
        assertTrue(message.contains("\nNo statement of this revision had taken effect: the server rolls back the open"
                + " transaction of a session that ends.\nEarlier revisions stay applied (the version table was at base before"
                + " this revision).\nRead again on a new connection, the version table is"
                + " at base. Running upgrade again is safe: it continues from there."), message);
        assertEquals(List.of("n1"), run.run(heads -> revisions.up(null, "n1")).applied().stream().map(a -> a.id()).toList());
    }

    /**
     * Killed in the middle of a DDL statement (which commits on its own if it finishes): the message cannot
     * call it applied or not, and says what the next run does about it.
     */
    @Test
    void aWorkConnectionKilledInTheMiddleOfADdlStatementSaysItsFateIsUnknown(TestDatabase database) throws Exception {
        AtomicBoolean slowOnce = new AtomicBoolean(true);
        TestRevisions revisions = new TestRevisions()
                .add("d1", null, op -> {
                    op.execute("CREATE TABLE `kd_a` (`id` INT)");
                    op.execute(slowOnce.getAndSet(false) ? "CREATE TABLE `kd_b` AS SELECT SLEEP(60) AS `x`"
                            : "CREATE TABLE `kd_b` AS SELECT 1 AS `x`");
                }, op -> { });
        OnlineRun run = run(database, "kd_version", revisions, new CopyOnWriteArrayList<>());
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run.run(heads -> revisions.up(null, "d1")));
        String sleeper = "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'CREATE TABLE `kd_b` AS SELECT SLEEP%'"
                + " AND DB = DATABASE()";
        poll(() -> !strings(database, sleeper).isEmpty(), "the DDL runs on the server");
        execute(database, "KILL CONNECTION " + strings(database, sleeper).get(0));

        Throwable failure = assertThrows(ExecutionException.class,
                () -> running.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).getCause();
        assertTrue(failure instanceof RevisionFailedException lost && lost.connectionLost(), String.valueOf(failure));
        String message = failure.getMessage();
        assertTrue(message.contains("\n  applied:     1. CREATE TABLE `kd_a` (`id` INT)\n  not applied: 2. CREATE TABLE"
                + " `kd_b` AS SELECT SLEEP(60) AS `x` (running when the connection was lost: the server may have finished it;"
                + " if so, the next run's repeat of it fails, naming it)\n"), message);
        assertTrue(message.endsWith("it resumes revision 'd1' at statement 2."), message);
        // Killed, the server did not finish it: the next run repeats it and completes the revision.
        assertEquals(List.of("d1"), run.run(heads -> revisions.up(null, "d1")).applied().stream().map(a -> a.id()).toList());
        assertEquals(List.of("1"), strings(database, "SELECT `x` FROM `kd_b`"));
    }

    @Test
    void aKilledLockConnectionStopsTheRunBeforeItsNextRevision(TestDatabase database) throws Exception {
        execute(database, "CREATE TABLE `kl_log` (`revision` VARCHAR(20))");
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestRevisions revisions = TestRevisions.logging("`", "kl_log", () -> {
            inFirst.countDown();
            await(release);
        }, "g1", "g2", "g3");
        CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(() -> run(database, "kl_version", revisions,
                new CopyOnWriteArrayList<>()).run(heads -> revisions.upFrom(heads, "g1", "g2", "g3")));
        assertTrue(inFirst.await(BOUND_MILLIS, TimeUnit.MILLISECONDS), "the run reached g1");
        execute(database, "KILL CONNECTION " + holderOf(database, "migrate:`kl_version`"));
        poll(() -> holderOfOrNull(database, "migrate:`kl_version`") == null, "the run lock is released");
        release.countDown();

        Throwable failure = assertThrows(ExecutionException.class, () -> a.get(BOUND_MILLIS, TimeUnit.MILLISECONDS))
                .getCause();
        assertTrue(failure instanceof MigrateException, String.valueOf(failure));
        assertTrue(failure.getMessage().startsWith("Stopped before revision 'g2': the connection holding the migrate lock"
                + " on `kl_version` (to 127.0.0.1:"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith(") was lost, so this run no longer keeps other runs out. Revisions before"
                + " it are committed and the version table is at g1; nothing of 'g2' ran. Running the goal again is safe:"
                + " it continues from there."), failure.getMessage());
        assertEquals(List.of("g1"), strings(database, "SELECT `revision` FROM `kl_log`"));
        assertEquals(List.of("g1"), strings(database, "SELECT `version_num` FROM `kl_version`"));
        RunResult again = run(database, "kl_version", revisions, new CopyOnWriteArrayList<>())
                .run(heads -> revisions.upFrom(heads, "g1", "g2", "g3"));
        assertEquals(List.of("g2", "g3"), again.applied().stream().map(r -> r.id()).toList());
        assertEquals(List.of("g1", "g2", "g3"), strings(database, "SELECT `revision` FROM `kl_log` ORDER BY 1"));
    }

    @Test
    void aSecondRunEndsTheWorkSessionOfARunWhoseLockConnectionWasKilledAndAppliesEachRevisionOnce(TestDatabase database)
            throws Exception {
        execute(database, "CREATE TABLE `ko_log` (`revision` VARCHAR(20))");
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstTime = new AtomicBoolean(true);
        TestRevisions revisions = TestRevisions.logging("`", "ko_log", () -> {
            if (firstTime.getAndSet(false)) {
                inFirst.countDown();
                await(release);
            }
        }, "l1", "l2", "l3");
        CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(() -> run(database, "ko_version", revisions,
                new CopyOnWriteArrayList<>()).run(heads -> revisions.upFrom(heads, "l1", "l2", "l3")));
        assertTrue(inFirst.await(BOUND_MILLIS, TimeUnit.MILLISECONDS), "run A reached l1");
        String workSession = holderOf(database, "migrate-work:`ko_version`");
        execute(database, "KILL CONNECTION " + holderOf(database, "migrate:`ko_version`"));
        poll(() -> holderOfOrNull(database, "migrate:`ko_version`") == null, "A's run lock released");

        List<MigrationEvent> eventsB = new CopyOnWriteArrayList<>();
        RunResult second = run(database, "ko_version", revisions, eventsB).run(heads -> revisions.upFrom(heads, "l1", "l2", "l3"));
        assertEquals(List.of("l1", "l2", "l3"), second.applied().stream().map(r -> r.id()).toList());
        MigrationEvent.SessionEnded ended = (MigrationEvent.SessionEnded) eventsB.stream()
                .filter(e -> e instanceof MigrationEvent.SessionEnded).findFirst().orElseThrow();
        assertTrue(ended.describe().startsWith("Ended the database session of an interrupted migrate run on `ko_version`"
                + " (session pid " + workSession + " ("), ended.describe());

        release.countDown();
        Throwable failure = assertThrows(ExecutionException.class, () -> a.get(BOUND_MILLIS, TimeUnit.MILLISECONDS))
                .getCause();
        assertTrue(failure instanceof RevisionFailedException lost && lost.connectionLost(), String.valueOf(failure));
        assertTrue(failure.getMessage().startsWith("Revision 'l1' (com.example.Rev_l1) did not finish: the connection to"
                + " 127.0.0.1:"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("Read again on a new connection, the version table is at l3. Running"
                + " upgrade again is safe: it continues from there."), failure.getMessage());
        assertEquals(List.of("l1", "l2", "l3"), strings(database, "SELECT `revision` FROM `ko_log` ORDER BY 1"),
                "each revision exactly once");
        assertEquals(List.of("l3"), strings(database, "SELECT `version_num` FROM `ko_version`"));
    }

    /**
     * The lock connection sits idle while a revision runs, for hours in a big backfill; a server (or proxy)
     * with a short wait_timeout would close it and release the run lock, and the next run to start would end
     * this run's work session. The lock connection keeps itself open: here a wait_timeout of 2 s on every
     * session of the URL, and a revision that runs for 5 s.
     */
    @Test
    void aShortWaitTimeoutDoesNotCloseTheLockConnectionDuringALongRevision(TestDatabase database) {
        String url = MariaDbDatabaseExtension.plainUrl(database) + "&sessionVariables=wait_timeout=2";
        TestRevisions revisions = new TestRevisions()
                .add("w1", null, op -> op.execute("SELECT SLEEP(5)"), op -> { })
                .add("w2", "w1", op -> op.execute("CREATE TABLE `wt_after` (`id` INT)"), op -> { });
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "wt_version"), Duration.ofSeconds(30), null,
                event -> { });
        OnlineRun run = new OnlineRun(ConnectionSource.of(url, null, null, getClass().getClassLoader()), new MariaDbDialect(),
                settings, revisions.lookup()).checkingLockEvery(Duration.ZERO);

        RunResult result = run.run(heads -> revisions.upFrom(heads, "w1", "w2"));

        assertEquals(List.of("w1", "w2"), result.applied().stream().map(a -> a.id()).toList());
    }

    /**
     * A killed run's work session that this run's user may not end (it ran as another user, and this one
     * lacks the privilege to KILL it): the run waits for it, says so, and gives up at migrate.lockTimeout
     * naming the session and how to end it, instead of waiting forever or working beside it.
     */
    @Test
    void aLeftoverSessionThisUserMayNotEndIsWaitedForUpToTheLockTimeout(TestDatabase database) throws Exception {
        String user = "mr_" + Long.toHexString(System.nanoTime());
        String schema = MariaDbDatabaseExtension.plainUrl(database).replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        for (String host : List.of("%", "localhost", "127.0.0.1")) {
            execute(database, "CREATE USER '" + user + "'@'" + host + "'");
            execute(database, "GRANT ALL ON `" + schema + "`.* TO '" + user + "'@'" + host + "'");
        }
        try (Connection orphan = connect(database); Statement statement = orphan.createStatement()) {
            // What a killed run of another user (root here) leaves: its work session, holding the work-session lock.
            try (ResultSet row = statement.executeQuery("SELECT GET_LOCK(CONCAT('migrate:', SHA1(CONCAT(DATABASE(), '/',"
                    + " 'migrate-work:`g_version`'))), 0), CONNECTION_ID()")) {
                row.next();
                assertEquals(1, row.getInt(1));
            }
            String pid = strings(database, "SELECT IS_USED_LOCK(CONCAT('migrate:', SHA1(CONCAT(DATABASE(), '/',"
                    + " 'migrate-work:`g_version`'))))").get(0);
            String url = MariaDbDatabaseExtension.plainUrl(database).replace("user=root", "user=" + user);
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();
            TestRevisions revisions = new TestRevisions().add("g1", null, op -> op.execute("CREATE TABLE `g_t` (`id` INT)"),
                    op -> { });
            EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "g_version"), Duration.ofMillis(300), null,
                    events::add);
            OnlineRun run = new OnlineRun(ConnectionSource.of(url, null, null, getClass().getClassLoader()),
                    new MariaDbDialect(), settings, revisions.lookup());

            MigrateException e = assertThrows(MigrateException.class, () -> run.run(heads -> revisions.up(null, "g1")));

            assertTrue(e.getMessage().startsWith("Gave up after waiting 300 ms for the database session of another migrate"
                    + " run on `g_version` to end (held by session pid " + pid + " (another user's session, whose details"
                    + " this user may not see)). "), e.getMessage());
            assertTrue(e.getMessage().endsWith("This run changed nothing. Wait for that statement to finish, end the session"
                    + " with KILL " + pid + ", or raise migrate.lockTimeout (for example -Dmigrate.lockTimeout=5m)."),
                    e.getMessage());
            assertTrue(events.stream().anyMatch(ev -> ev instanceof MigrationEvent.SessionWaiting), events.toString());
            assertTrue(orphan.isValid(5), "left alone");
            assertEquals(List.of(), tables(database, "g_t"), "nothing ran");
        } finally {
            for (String host : List.of("%", "localhost", "127.0.0.1")) {
                execute(database, "DROP USER IF EXISTS '" + user + "'@'" + host + "'");
            }
        }
    }

    /**
     * A connection lost at the revision's own commit (after its last statement): its DDL stayed, but whether
     * the rest committed with the version table's update is not known here, so the message says so and leaves
     * it to the version table read again.
     */
    @Test
    void aConnectionLostAtTheCommitLeavesTheRestUnknownAndTheVersionTableTells() {
        RevisionFailedException failed = new RevisionFailedException("lost", "c2", dev.migrate.graph.Direction.UP, "08000",
                0, "(commit)", true, new SQLException("(conn=7) Socket error", "08000"));
        RevisionFailures.StatementProgress progress = new RevisionFailures.StatementProgress(
                List.of("1. CREATE TABLE `c_a` (`id` INT)"), List.of("2. INSERT INTO `c_a` VALUES (1)"), "`c_progress`", 1,
                false);
        String applied = RevisionFailures.connectionLost(failed, true, progress, "'c2' (com.example.Rev_c2)",
                "127.0.0.1:3306", List.of("c1"), new MariaDbDialect(), List.of("c2"), null).getMessage();
        assertEquals("Revision 'c2' (com.example.Rev_c2) did not finish: the connection to 127.0.0.1:3306 was lost during"
                + " upgrade ((conn=7) Socket error; SQLState 08000)\n  statement: (commit)\nmariadb commits DDL implicitly, so"
                + " the revision's first 1 statement(s) took effect and stay; the connection was lost while the rest were"
                + " being committed with the version table's update, so they may or may not have been applied (the version"
                + " table read again below tells):\n  applied:     1. CREATE TABLE `c_a` (`id` INT)\n  not known:   2. INSERT"
                + " INTO `c_a` VALUES (1)\nEarlier revisions stay applied (the version table was at c1 before this"
                + " revision).\nRead again on a new connection, the version table is at c2. Running upgrade again is safe:"
                + " it continues from there.", applied);
        String notApplied = RevisionFailures.connectionLost(failed, true, progress, "'c2' (com.example.Rev_c2)",
                "127.0.0.1:3306", List.of("c1"), new MariaDbDialect(), List.of("c1"), null).getMessage();
        assertTrue(notApplied.endsWith("Read again on a new connection, the version table is at c1. Running upgrade again"
                + " is safe: it resumes revision 'c2' at statement 2."), notApplied);
    }

    // ---- helpers ----


    private static List<String> tables(TestDatabase database, String name) {
        return strings(database, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND"
                + " TABLE_NAME = '" + name + "'");
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(TestDatabase database, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /** The connection id holding migrate's GET_LOCK named {@code name} (as {@code NamedLock} names it) in this database. */
    private static String holderOf(TestDatabase database, String name) {
        String id = holderOfOrNull(database, name);
        assertTrue(id != null, "someone holds " + name);
        return id;
    }

    private static String holderOfOrNull(TestDatabase database, String name) {
        return strings(database, "SELECT IS_USED_LOCK(CONCAT('migrate:', SHA1(CONCAT(DATABASE(), '/', '" + name + "'))))")
                .get(0);
    }
}
