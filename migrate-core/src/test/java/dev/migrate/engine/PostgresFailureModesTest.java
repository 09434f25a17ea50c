package dev.migrate.engine;

import static dev.migrate.testing.Bounded.BOUND_MILLIS;
import static dev.migrate.testing.Bounded.await;
import static dev.migrate.testing.Bounded.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.RevisionFailedException;
import dev.migrate.RunResult;
import dev.migrate.dialect.postgres.PostgresAdvisoryLock;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What production throws at a run on PostgreSQL: its lock connection or its work connection
 * terminated mid-run, the work session of a killed run still busy on the server, a lock held by
 * someone else. Synchronised with latches and bounded polling of the server's own views, never
 * with sleeps.
 */
@ExtendWith(PostgresDatabaseExtension.class)
@Timeout(120)
class PostgresFailureModesTest {

    private static final PostgresDialect POSTGRES = new PostgresDialect();

    private OnlineRun run(TestDatabase database, String table, TestRevisions revisions, Duration lockTimeout,
            List<MigrationEvent> events) {
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, table), lockTimeout, null, events::add);
        return new OnlineRun(ConnectionSource.of(database.url(), database.user(), database.password(),
                getClass().getClassLoader()), new PostgresDialect(), settings, revisions.lookup())
                .checkingLockEvery(Duration.ZERO);
    }


    /**
     * A database whose sessions end after a few seconds of idleness (PostgreSQL 14's
     * idle_session_timeout, set by a DBA): the lock connection idles through a long revision, and
     * losing it would release the run lock under that revision. migrate keeps its own sessions
     * open, and hands pooled connections back with the timeout they came with.
     */
    @Test
    void anIdleSessionTimeoutDoesNotEndTheLockConnectionDuringALongRevision(TestDatabase database) throws Exception {
        String databaseName = database.strings("SELECT current_database()").get(0);
        execute(database, "ALTER DATABASE \"" + databaseName + "\" SET idle_session_timeout = '3s'");
        List<Connection> pooled = new CopyOnWriteArrayList<>();
        try {
            TestRevisions revisions = new TestRevisions()
                    .add("i1", null, op -> op.execute("SELECT pg_sleep(5)"), op -> { })
                    .add("i2", "i1", op -> op.execute("CREATE TABLE \"idle_after\" (\"id\" INT)"), op -> { });
            EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "idle_version"), Duration.ofSeconds(30),
                    null, event -> { });
            // A pool's connections: close() hands them back open, as a pool does.
            javax.sql.DataSource pool = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                        Connection real = database.connect();
                        pooled.add(real);
                        return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {Connection.class}, (c, m, a) -> {
                                    if (m.getName().equals("close")) {
                                        return null;
                                    }
                                    try {
                                        return m.invoke(real, a);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    });
            RunResult result = new OnlineRun(ConnectionSource.of(pool), new PostgresDialect(), settings, revisions.lookup())
                    .checkingLockEvery(Duration.ZERO).run(heads -> revisions.upFrom(heads, "i1", "i2"));

            assertEquals(List.of("i1", "i2"), result.applied().stream().map(a -> a.id()).toList());
            for (Connection connection : pooled) {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SHOW idle_session_timeout")) {
                    row.next();
                    assertEquals("3s", row.getString(1), "a connection goes back to its pool with its own timeout");
                }
            }
        } finally {
            for (Connection connection : pooled) {
                connection.close();
            }
            execute(database, "ALTER DATABASE \"" + databaseName + "\" RESET idle_session_timeout");
        }
    }

    /**
     * A run waiting for the lock holds no transaction open: the running one may build an index
     * CONCURRENTLY, which waits for every older transaction, so an open one on the waiting run's
     * work connection deadlocked the two until the lock timeout. The second run first reads the
     * version table without the lock, as {@code mvn migrate:upgrade} does, which leaves its work
     * connection in manual-commit mode.
     */
    @Test
    void aRunWaitingForTheLockHoldsNoTransactionOpen(TestDatabase database) throws Exception {
        execute(database, "CREATE TABLE \"wait_log\" (\"revision\" VARCHAR(20))");
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestRevisions revisions = TestRevisions.logging("\"", "wait_log", () -> {
            inFirst.countDown();
            await(release);
        }, "w1", "w2");
        CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> run(database, "wait_version", revisions,
                Duration.ofSeconds(30), new CopyOnWriteArrayList<>()).run(heads -> revisions.upFrom(heads, "w1", "w2")));
        assertTrue(inFirst.await(BOUND_MILLIS, TimeUnit.MILLISECONDS), "the first run reached w1");
        List<MigrationEvent> secondEvents = new CopyOnWriteArrayList<>();
        CompletableFuture<RunResult> second = CompletableFuture.supplyAsync(() -> run(database, "wait_version", revisions,
                Duration.ofSeconds(30), secondEvents).run(heads -> revisions.upFrom(heads, "w1", "w2"), true));
        try {
            poll(() -> secondEvents.stream().anyMatch(e -> e instanceof MigrationEvent.LockWaiting),
                    "the second run waits for the lock");
            assertEquals(4, migrateSessions(database, "true"), "both runs' lock and work sessions");
            assertEquals(1, migrateSessions(database, "state LIKE 'idle in transaction%'"),
                    "only the running revision's transaction is open");
        } finally {
            release.countDown();
        }
        assertEquals(2, first.get(BOUND_MILLIS, TimeUnit.MILLISECONDS).applied().size());
        assertEquals(0, second.get(BOUND_MILLIS, TimeUnit.MILLISECONDS).applied().size());
    }

    /** migrate's sessions on the test's database matching {@code condition} (SQL over pg_stat_activity). */
    private static int migrateSessions(TestDatabase database, String condition) {
        try {
            return Integer.parseInt(database.strings("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = 'migrate' AND pid <> pg_backend_pid() AND (" + condition + ")").get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lostLockConnectionStopsTheRunBeforeItsNextRevision(TestDatabase database) throws Exception {
        execute(database, "CREATE TABLE \"stop_log\" (\"revision\" VARCHAR(20))");
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestRevisions revisions = TestRevisions.logging("\"", "stop_log", () -> {
            inFirst.countDown();
            await(release);
        }, "g1", "g2", "g3");
        CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(() -> run(database, "stop_version", revisions,
                Duration.ofSeconds(30), new CopyOnWriteArrayList<>()).run(heads -> revisions.upFrom(heads, "g1", "g2", "g3")));
        assertTrue(inFirst.await(BOUND_MILLIS, TimeUnit.MILLISECONDS), "the run reached g1");
        execute(database, "SELECT pg_terminate_backend(" + holderOf(database, PostgresAdvisoryLock.key("migrate:\"stop_version\"")) + ")");
        poll(() -> holderOfOrZero(database, PostgresAdvisoryLock.key("migrate:\"stop_version\"")) == 0, "the run lock is released");
        release.countDown();

        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> a.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).getCause();
        assertTrue(failure instanceof MigrateException, String.valueOf(failure));
        assertTrue(failure.getMessage().startsWith("Stopped before revision 'g2': the connection holding the migrate lock"
                + " on \"stop_version\" (to 127.0.0.1:"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith(") was lost, so this run no longer keeps other runs out. Revisions before"
                + " it are committed and the version table is at g1; nothing of 'g2' ran. Running the goal again is safe:"
                + " it continues from there."), failure.getMessage());
        assertEquals(List.of("g1"), database.strings("SELECT \"revision\" FROM \"stop_log\""));
        assertEquals(List.of("g1"), database.strings("SELECT \"version_num\" FROM \"stop_version\""));
    }

    @Test
    void aSecondRunEndsTheWorkSessionOfARunThatLostItsLockAndAppliesEachRevisionOnce(TestDatabase database)
            throws Exception {
        execute(database, "CREATE TABLE \"lost_log\" (\"revision\" VARCHAR(20))");
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstTime = new AtomicBoolean(true);
        TestRevisions revisions = TestRevisions.logging("\"", "lost_log", () -> {
            if (firstTime.getAndSet(false)) {
                inFirst.countDown();
                await(release);
            }
        }, "l1", "l2", "l3");
        List<MigrationEvent> eventsB = new CopyOnWriteArrayList<>();
        CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(() -> run(database, "lost_version", revisions,
                Duration.ofSeconds(30), new CopyOnWriteArrayList<>()).run(heads -> revisions.upFrom(heads, "l1", "l2", "l3")));
        assertTrue(inFirst.await(BOUND_MILLIS, TimeUnit.MILLISECONDS), "run A reached l1");
        int workSession = holderOf(database, PostgresAdvisoryLock.key("migrate-work:\"lost_version\""));
        execute(database, "SELECT pg_terminate_backend(" + holderOf(database, PostgresAdvisoryLock.key("migrate:\"lost_version\"")) + ")");
        poll(() -> holderOfOrZero(database, PostgresAdvisoryLock.key("migrate:\"lost_version\"")) == 0, "A's run lock released");

        // B takes the run lock, finds A's work session still holding the work-session lock, ends it, and runs.
        RunResult second = run(database, "lost_version", revisions, Duration.ofSeconds(30), eventsB)
                .run(heads -> revisions.upFrom(heads, "l1", "l2", "l3"));
        assertEquals(List.of("l1", "l2", "l3"), second.applied().stream().map(r -> r.id()).toList());
        MigrationEvent.SessionEnded ended = (MigrationEvent.SessionEnded) eventsB.stream()
                .filter(e -> e instanceof MigrationEvent.SessionEnded).findFirst().orElseThrow();
        assertTrue(ended.describe().startsWith("Ended the database session of an interrupted migrate run on \"lost_version\""
                + " (session pid " + workSession + " (application 'migrate', client "), ended.describe());
        assertTrue(ended.describe().endsWith("): its run lock was gone, so it could not be left to finish; the server"
                + " rolled back its open transaction, and what it had committed stays"), ended.describe());

        // A learns it when it goes on: its connection is gone, and nothing of its l1 was kept.
        release.countDown();
        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> a.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).getCause();
        assertTrue(failure instanceof RevisionFailedException lost && lost.connectionLost(), String.valueOf(failure));
        assertTrue(failure.getMessage().startsWith("Revision 'l1' (com.example.Rev_l1) did not finish: the connection to"
                + " 127.0.0.1:"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("Read again on a new connection, the version table is at l3. Running"
                + " upgrade again is safe: it continues from there."), failure.getMessage());
        assertEquals(List.of("l1", "l2", "l3"), database.strings("SELECT \"revision\" FROM \"lost_log\" ORDER BY 1"),
                "each revision exactly once");
        assertEquals(List.of("l3"), database.strings("SELECT \"version_num\" FROM \"lost_version\""));
    }

    @Test
    void aRunEndsTheLeftoverSessionOfAKilledRun(TestDatabase database) throws Exception {
        execute(database, "CREATE TABLE \"orphan_log\" (\"revision\" VARCHAR(20))");
        TestRevisions revisions = TestRevisions.logging("\"", "orphan_log", () -> { }, "o1");
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        // What kill -9 leaves: the run lock died with its session, the work session still runs a statement.
        try (Connection orphan = database.connect()) {
            int pid = lockAs(orphan, PostgresAdvisoryLock.key("migrate-work:\"orphan_version\""), "migrate");
            run(database, "orphan_version", revisions, Duration.ofSeconds(30), events).run(heads -> revisions.up(null, "o1"));
            assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.SessionEnded ended
                    && ended.holder().startsWith("session pid " + pid + " (application 'migrate'")), events.toString());
            assertFalse(orphan.isValid(5), "the leftover session was ended");
        }
        assertEquals(List.of("o1"), database.strings("SELECT \"revision\" FROM \"orphan_log\""));
        assertEquals(List.of("o1"), database.strings("SELECT \"version_num\" FROM \"orphan_version\""));
    }

    @Test
    void aLeftoverSessionThisUserMayNotEndIsWaitedForUpToTheLockTimeout(TestDatabase database) throws Exception {
        assumeTrue(database.url().contains("user=postgres"), "needs the superuser in the URL to play another role");
        String role = "migrate_fm_" + Long.toHexString(System.nanoTime());
        execute(database, "CREATE ROLE " + role + " LOGIN");
        try (Connection orphan = database.connect()) {
            // A superuser's session: an ordinary role may not end it.
            int pid = lockAs(orphan, PostgresAdvisoryLock.key("migrate-work:\"guarded_version\""), "killed-run");
            TestDatabase asRole = new TestDatabase(database.dialect(), database.url().replace("user=postgres", "user=" + role),
                    null, null);
            List<MigrationEvent> events = new CopyOnWriteArrayList<>();
            TestRevisions revisions = TestRevisions.logging("\"", "unused", () -> { }, "u1");
            MigrateException e = assertThrows(MigrateException.class, () -> run(asRole, "guarded_version", revisions,
                    Duration.ofMillis(300), events).run(heads -> revisions.up(null, "u1")));
            assertTrue(e.getMessage().startsWith("Gave up after waiting 300 ms for the database session of another migrate"
                    + " run on \"guarded_version\" to end (held by session pid " + pid + " (application 'killed-run', client "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("This run changed nothing. Wait for that statement to finish, end the session"
                    + " with SELECT pg_terminate_backend(" + pid + "), or raise migrate.lockTimeout (for example"
                    + " -Dmigrate.lockTimeout=5m)."), e.getMessage());
            assertTrue(events.stream().anyMatch(ev -> ev instanceof MigrationEvent.SessionWaiting w
                    && w.holder().startsWith("held by session pid " + pid)), events.toString());
            assertTrue(orphan.isValid(5), "left alone");
        } finally {
            execute(database, "DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void lockTimeoutNamesTheSessionThatHoldsTheLock(TestDatabase database) throws Exception {
        TestRevisions revisions = TestRevisions.logging("\"", "unused", () -> { }, "h1");
        try (Connection holder = database.connect()) {
            int pid = lockAs(holder, PostgresAdvisoryLock.key("migrate:\"held_version\""), "psql-by-hand");
            MigrateException e = assertThrows(MigrateException.class, () -> run(database, "held_version", revisions,
                    Duration.ofMillis(300), new CopyOnWriteArrayList<>()).run(heads -> revisions.up(null, "h1")));
            assertTrue(e.getMessage().startsWith("Gave up after waiting 300 ms for the migrate lock on \"held_version\":"
                    + " another migrate run on this database holds it (held by session pid " + pid
                    + " (application 'psql-by-hand', client "), e.getMessage());
            assertTrue(e.getMessage().endsWith("). This run changed nothing. Let that run finish, or raise"
                    + " migrate.lockTimeout (for example -Dmigrate.lockTimeout=5m). If that run is gone (its process killed"
                    + " or its machine lost) while the server keeps its session, end the session with SELECT"
                    + " pg_terminate_backend(" + pid + ") and run again."), e.getMessage());
        }
    }

    @Test
    void lostWorkConnectionSaysSoAndTheNextRunContinues(TestDatabase database) throws Exception {
        AtomicBoolean terminate = new AtomicBoolean(true);
        TestRevisions revisions = new TestRevisions()
                .add("w1", null, op -> op.execute("CREATE TABLE \"work_a\" (\"id\" INT)"), op -> { })
                .add("w2", "w1", op -> {
                    op.execute("CREATE TABLE \"work_b\" (\"id\" INT)");
                    if (terminate.getAndSet(false)) {
                        // What a DBA's pg_terminate_backend or a server restart does to the session.
                        op.execute("SELECT pg_terminate_backend(pg_backend_pid())");
                    }
                }, op -> { });
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        OnlineRun run = run(database, "work_version", revisions, Duration.ofSeconds(30), events);
        RevisionFailedException e = assertThrows(RevisionFailedException.class,
                () -> run.run(heads -> revisions.upFrom(heads, "w1", "w2")));
        assertTrue(e.connectionLost());
        assertEquals("w2", e.revision());
        assertTrue(e.getMessage().startsWith("Revision 'w2' (com.example.Rev_w2) did not finish: the connection to"
                + " 127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains(" was lost during upgrade ("), e.getMessage());
        assertTrue(e.getMessage().contains("\n  statement: SELECT pg_terminate_backend(pg_backend_pid())\nThe server rolls"
                + " back the open transaction of a session that ends, so nothing of this revision was applied; earlier"
                + " revisions stay applied (the version table was at w1 before this revision).\nRead again on a new"
                + " connection, the version table is at w1. Running upgrade again is safe: it continues from there."),
                e.getMessage());
        assertFalse(e.getMessage().contains("Fix the revision"), e.getMessage());
        assertEquals(List.of("w1"), run.current());
        assertEquals(List.of(), database.strings("SELECT tablename FROM pg_tables WHERE tablename = 'work_b'"));
        assertEquals(List.of("w1:true", "w2:false"), run.history().stream().map(h -> h.revision() + ":" + h.success()).toList(),
                "the failed attempt is recorded on a new connection");

        RunResult again = run.run(heads -> revisions.upFrom(heads, "w1", "w2"));
        assertEquals(List.of("w2"), again.applied().stream().map(r -> r.id()).toList());
        assertEquals(List.of("w2"), run.current());
    }

    @Test
    void shutdownCancelsTheRunningStatementAndTheRevisionRollsBack(TestDatabase database) throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        TestRevisions revisions = new TestRevisions()
                .add("s1", null, op -> op.execute("CREATE TABLE \"shut_a\" (\"id\" INT)"), op -> { })
                .add("s2", "s1", op -> {
                    op.execute("CREATE TABLE \"shut_b\" (\"id\" INT)");
                    op.withConnection(c -> {
                        sleeping.countDown();
                        try (Statement statement = c.createStatement()) {
                            statement.execute("SELECT pg_sleep(600)"); // a long index build, say
                        }
                    });
                }, op -> { });
        OnlineRun run = run(database, "shut_version", revisions, Duration.ofSeconds(30), new CopyOnWriteArrayList<>());
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(
                () -> run.run(heads -> revisions.upFrom(heads, "s1", "s2")));
        assertTrue(sleeping.await(BOUND_MILLIS, TimeUnit.MILLISECONDS));
        poll(() -> {
            try {
                return !database.strings("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                        + " AND query = 'SELECT pg_sleep(600)'").isEmpty();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "the statement runs on the server");

        // What the JVM shutdown hook does on Ctrl-C.
        ShutdownCancel.active().forEach(ShutdownCancel::cancelAndWait);

        Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> running.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).getCause();
        assertTrue(failure instanceof RevisionFailedException, String.valueOf(failure));
        RevisionFailedException e = (RevisionFailedException) failure;
        assertEquals("57014", e.sqlState());
        assertTrue(e.getMessage().contains("\n  hint: the statement was canceled: by Ctrl-C on this run (migrate cancels"
                + " its statement on shutdown), by pg_cancel_backend, or by statement_timeout."), e.getMessage());
        assertEquals(List.of("s1"), run.current());
        assertEquals(List.of(), database.strings("SELECT tablename FROM pg_tables WHERE tablename = 'shut_b'"));
        assertEquals(List.of("s1:true", "s2:false"), run.history().stream().map(h -> h.revision() + ":" + h.success()).toList());
        assertEquals(List.of(), ShutdownCancel.active().stream().toList(), "the hook is gone with the run");
    }

    @Test
    void ctrlCBetweenBatchesStopsTheBackfillBeforeItsNextBatchAndTheNextRunGoesOn(TestDatabase database) throws Exception {
        execute(database, "CREATE TABLE \"stopb_t\" (\"id\" INT PRIMARY KEY, \"done\" BOOLEAN)");
        execute(database, "INSERT INTO \"stopb_t\" (\"id\") SELECT g FROM generate_series(1, 5) g");
        TestRevisions revisions = new TestRevisions()
                .add("b1", null, op -> op.batchedUpdate("stopb_t", "\"done\" = TRUE", "\"done\" IS NULL", 1), op -> { })
                .add("b2", "b1", op -> op.execute("CREATE TABLE \"stopb_after\" (\"id\" INT)"), op -> { });
        // Ctrl-C arrives while the run is between batches, where there is no statement to cancel.
        List<MigrationEvent> events = new CopyOnWriteArrayList<>() {
            @Override
            public boolean add(MigrationEvent event) {
                if (event instanceof MigrationEvent.BatchProgress progress && progress.batch() == 2) {
                    ShutdownCancel.active().forEach(ShutdownCancel::cancelAndWait);
                }
                return super.add(event);
            }
        };
        OnlineRun run = run(database, "stopb_version", revisions, Duration.ofSeconds(30), events);

        RevisionFailedException e = assertThrows(RevisionFailedException.class,
                () -> run.run(heads -> revisions.upFrom(heads, "b1", "b2")));

        assertTrue(e.getMessage().startsWith("Revision 'b1' (com.example.Rev_b1) stopped during upgrade: this run was"
                + " asked to stop (Ctrl-C or SIGTERM) before this statement, which did not run\n  statement: UPDATE"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Running upgrade again is safe: it continues from there."), e.getMessage());
        assertEquals(List.of("2"), database.strings("SELECT count(*) FROM \"stopb_t\" WHERE \"done\""),
                "the two batches done stay; the third never started");
        assertEquals(List.of(), run.current());
        assertEquals(List.of(), database.strings("SELECT tablename FROM pg_tables WHERE tablename = 'stopb_after'"));

        RunResult again = run(database, "stopb_version", revisions, Duration.ofSeconds(30), new CopyOnWriteArrayList<>())
                .run(heads -> revisions.upFrom(heads, "b1", "b2"));
        assertEquals(List.of("b1", "b2"), again.applied().stream().map(a -> a.id()).toList());
        assertEquals(List.of("5"), database.strings("SELECT count(*) FROM \"stopb_t\" WHERE \"done\""));
    }

    @Test
    void ctrlCBetweenRevisionsStopsTheRunBeforeTheNextOne(TestDatabase database) {
        TestRevisions revisions = new TestRevisions()
                .add("n1", null, op -> op.execute("CREATE TABLE \"stopn_a\" (\"id\" INT)"), op -> { })
                .add("n2", "n1", op -> op.execute("CREATE TABLE \"stopn_b\" (\"id\" INT)"), op -> { });
        // Ctrl-C arrives after the first revision committed: no statement runs, so the cancel has nothing to end.
        List<MigrationEvent> events = new CopyOnWriteArrayList<>() {
            @Override
            public boolean add(MigrationEvent event) {
                if (event instanceof MigrationEvent.RevisionFinished finished && finished.id().equals("n1")) {
                    ShutdownCancel.active().forEach(ShutdownCancel::cancelAndWait);
                }
                return super.add(event);
            }
        };
        OnlineRun run = run(database, "stopn_version", revisions, Duration.ofSeconds(30), events);

        MigrateException e = assertThrows(MigrateException.class, () -> run.run(heads -> revisions.upFrom(heads, "n1", "n2")));

        assertEquals("Stopped before revision 'n2': this run was asked to stop (Ctrl-C or SIGTERM). Revisions before it are"
                + " committed and the version table is at n1; nothing of 'n2' ran. Running the goal again is safe: it"
                + " continues from there.", e.getMessage());
        assertEquals(List.of("n1"), run.current());
    }

    @Test
    void lostWorkConnectionInTheMiddleOfABatchIsToldToo(TestDatabase database) throws Exception {
        AtomicBoolean terminate = new AtomicBoolean(true);
        TestRevisions revisions = new TestRevisions()
                .add("v1", null, op -> {
                    op.execute("CREATE TABLE \"batch_a\" (\"id\" INT)");
                    // Plain INSERTs travel in one JDBC batch with the version change; this one ends the session.
                    op.execute(terminate.getAndSet(false)
                            ? "INSERT INTO \"batch_a\" SELECT 1 FROM (SELECT pg_terminate_backend(pg_backend_pid())) AS t"
                            : "INSERT INTO \"batch_a\" VALUES (1)");
                }, op -> { });
        OnlineRun run = run(database, "batch_version", revisions, Duration.ofSeconds(30), new CopyOnWriteArrayList<>());
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run.run(heads -> revisions.up(null, "v1")));
        assertTrue(e.connectionLost(), e.getMessage());
        assertTrue(e.getMessage().contains("so nothing of this revision was applied; earlier revisions stay applied (the"
                + " version table was at base before this revision).\nRead again on a new connection, the version table is at"
                + " base. Running upgrade again is safe"), e.getMessage());
        assertEquals(List.of(), database.strings("SELECT tablename FROM pg_tables WHERE tablename = 'batch_a'"));
        assertEquals(List.of("v1"), run.run(heads -> revisions.up(null, "v1")).applied().stream().map(a -> a.id()).toList());
    }

    @Test
    void aLockedVersionTableIsWaitedForUpToTheLockTimeout(TestDatabase database) throws Exception {
        TestRevisions revisions = TestRevisions.logging("\"", "locked_log", () -> { }, "t1", "t2");
        execute(database, "CREATE TABLE \"locked_log\" (\"revision\" VARCHAR(20))");
        OnlineRun run = run(database, "locked_version", revisions, Duration.ofMillis(300), new CopyOnWriteArrayList<>());
        run.run(heads -> revisions.upFrom(heads, "t1"));
        try (Connection other = database.connect(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("LOCK TABLE \"locked_version\" IN ACCESS EXCLUSIVE MODE");
            for (boolean answerWithoutLock : new boolean[] {true, false}) {
                MigrateException e = assertThrows(MigrateException.class,
                        () -> run.run(heads -> revisions.upFrom(heads, "t1", "t2"), answerWithoutLock));
                assertTrue(e.getMessage().startsWith("Gave up after waiting 300 ms (migrate.lockTimeout) for a table lock on"
                        + " migrate's tables (locked_version): "), e.getMessage());
                assertTrue(e.getMessage().endsWith(". Another session holds a lock on them (a LOCK TABLE, or a long"
                        + " transaction that changed them; pg_locks shows it). This run changed nothing. Let that session"
                        + " finish, or raise migrate.lockTimeout."), e.getMessage());
            }
            MigrateException current = assertThrows(MigrateException.class, run::current);
            assertTrue(current.getMessage().startsWith("Gave up after waiting 300 ms (migrate.lockTimeout) for a table lock"),
                    current.getMessage());
            other.rollback();
        }
        assertEquals(List.of("t2"), run.run(heads -> revisions.upFrom(heads, "t1", "t2")).applied().stream()
                .map(a -> a.id()).toList());
    }

    @Test
    void connectionLossIsToldFromAFailingStatement() {
        assertTrue(RevisionFailures.isConnectionLoss(new SQLException("I/O error", "08006"), POSTGRES));
        assertTrue(RevisionFailures.isConnectionLoss(new SQLException("terminating connection", "57P01"), POSTGRES));
        assertTrue(RevisionFailures.isConnectionLoss(new SQLException("odd driver", "HY000", new java.io.EOFException()), POSTGRES));
        assertFalse(RevisionFailures.isConnectionLoss(new SQLException("relation does not exist", "42P01"), POSTGRES));
        assertFalse(RevisionFailures.isConnectionLoss(new SQLException("canceling statement", "57014"), POSTGRES));
        assertFalse(RevisionFailures.isConnectionLoss(new IllegalStateException("from revision code"), POSTGRES));
    }

    // ---- helpers ----

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Takes the session-level advisory lock {@code key} on {@code connection} under {@code application}; its pid. */
    private static int lockAs(Connection connection, long key, String application) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + application + "'");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?), pg_backend_pid()")) {
            lock.setLong(1, key);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getInt(2);
            }
        }
    }

    private static int holderOf(TestDatabase database, long key) throws SQLException {
        int pid = holderOfOrZero(database, key);
        assertTrue(pid != 0, "someone holds the lock");
        return pid;
    }

    private static int holderOfOrZero(TestDatabase database, long key) {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND granted AND objsubid = 1 AND CAST(classid AS BIGINT) = ? AND CAST(objid AS BIGINT) = ?")) {
            query.setLong(1, key >>> 32);
            query.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
