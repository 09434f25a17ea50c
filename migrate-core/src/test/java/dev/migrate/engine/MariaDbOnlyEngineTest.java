package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.Operations;
import dev.migrate.RevisionFailedException;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.ops.ColumnType;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only MariaDB (and MySQL) need: DDL commits implicitly, so a revision that fails halfway keeps its
 * DDL and migrate records which statements took effect. Runs as a user would: MariaDB's default sql_mode,
 * backtick quoting, no ANSI_QUOTES.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbOnlyEngineTest {

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    private OnlineRun run(TestDatabase database, String versionTable, TestRevisions revisions, Duration ddlLockTimeout) {
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, versionTable), Duration.ofSeconds(30),
                ddlLockTimeout, events::add);
        return new OnlineRun(ConnectionSource.of(MariaDbDatabaseExtension.plainUrl(database), null, null,
                getClass().getClassLoader()), new MariaDbDialect(), settings, revisions.lookup());
    }

    private static TestRevisions revision(String id, Consumer<Operations> up) {
        return new TestRevisions().add(id, null, up, op -> { });
    }

    private static List<String> strings(TestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> tables(TestDatabase database, String prefix) throws SQLException {
        return strings(database, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME LIKE '" + prefix + "%' ORDER BY 1");
    }

    private static Consumer<Operations> fourStatements(String third) {
        return op -> {
            op.createTable("p_a", t -> t.column("id", ColumnType.INTEGER, c -> c.primaryKey()));
            op.createTable("p_b", t -> t.column("id", ColumnType.INTEGER, c -> c.primaryKey()));
            op.execute(third);
            op.createTable("p_d", t -> t.column("id", ColumnType.INTEGER, c -> c.primaryKey()));
        };
    }

    @Test
    void aRevisionWhoseThirdStatementFailsKeepsTwoAndResumesAtTheThirdOnceFixed(TestDatabase database) throws SQLException {
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run(database, "p_version",
                revision("r1", fourStatements("CREATE TABLE `p_c` (`id` INTEGR)")), null).run(heads -> revision("r1",
                op -> { }).up(null, "r1")));
        String message = e.getMessage();
        assertTrue(message.startsWith("Revision 'r1' (com.example.Rev_r1) failed during upgrade: "), message);
        assertTrue(message.contains("\nmariadb commits DDL implicitly, so the revision's first 2 statement(s) took effect"
                + " and stay (recorded in `p_progress`); the rest were rolled back or did not run:\n"
                + "  applied:     1. CREATE TABLE `p_a` ("), message);
        assertTrue(message.contains("\n  applied:     2. CREATE TABLE `p_b` ("), message);
        assertTrue(message.contains("\n  not applied: 3. CREATE TABLE `p_c` (`id` INTEGR) (failed)\n"
                + "  not applied: 4. CREATE TABLE `p_d` ("), message);
        assertTrue(message.endsWith("Earlier revisions stay applied and the version table is at base, not claiming this"
                + " revision. Fix the revision, keeping its first 2 statement(s) as they are, and run upgrade again: it"
                + " resumes at statement 3."), message);
        assertEquals(List.of("p_a", "p_b"), tables(database, "p_").stream().filter(t -> t.length() == 3).toList());
        assertEquals(List.of(), strings(database, "SELECT version_num FROM p_version"), "the version table claims nothing");

        // Fixed: the first two statements unchanged, the third corrected. The run resumes at the third.
        events.clear();
        TestRevisions fixed = revision("r1", fourStatements("CREATE TABLE `p_c` (`id` INTEGER)"));
        run(database, "p_version", fixed, null).run(heads -> fixed.up(null, "r1"));
        assertTrue(events.stream().anyMatch(ev -> ev instanceof MigrationEvent.Resumed r && r.skippedSteps() == 2), events::toString);
        assertEquals(List.of("p_a", "p_b", "p_c", "p_d"), tables(database, "p_").stream().filter(t -> t.length() == 3).toList());
        assertEquals(List.of("r1"), strings(database, "SELECT version_num FROM p_version"));
        assertEquals(List.of(), strings(database, "SELECT revision FROM p_progress"), "the record is gone");
        assertEquals(List.of("0", "1"), strings(database, "SELECT success FROM p_history ORDER BY id"));
    }

    @Test
    void aRevisionEditedBeforeWhereItStoppedIsRefusedWithAWayOn(TestDatabase database) throws SQLException {
        Consumer<Operations> failing = op -> {
            op.createTable("q_a", t -> t.column("id", ColumnType.INTEGER));
            op.createTable("q_b", t -> t.column("id", ColumnType.INTEGER));
            op.execute("CREATE TABLE `q_c` (`id` INTEGR)");
        };
        assertThrows(RevisionFailedException.class, () -> run(database, "q_version", revision("r1", failing), null)
                .run(heads -> revision("r1", failing).up(null, "r1")));
        // The second statement edited too: what the database holds is no longer what the revision says.
        TestRevisions edited = revision("r1", op -> {
            op.createTable("q_a", t -> t.column("id", ColumnType.INTEGER));
            op.createTable("q_b", t -> t.column("id", ColumnType.BIGINT));
            op.execute("CREATE TABLE `q_c` (`id` INTEGER)");
        });
        MigrateException e = assertThrows(MigrateException.class,
                () -> run(database, "q_version", edited, null).run(heads -> edited.up(null, "r1")));
        assertEquals("Revision 'r1' (com.example.Rev_r1) stopped in an earlier upgrade after its first 2 statement(s),"
                + " which mariadb had committed for good (recorded in `q_progress`); those statements have changed"
                + " since, so migrate cannot tell what the database holds and runs nothing of it. Either restore the"
                + " revision's first 2 statement(s) as they were and run upgrade again (it resumes at statement 3), or undo"
                + " what they did by hand, then forget the record with DELETE FROM `q_progress` WHERE `revision` ="
                + " 'r1' AND `direction` = 'up' and run upgrade again (it runs the whole revision).", e.getMessage());
        assertEquals(List.of("q_a", "q_b"), tables(database, "q_").stream().filter(t -> t.length() == 3).toList());
        assertEquals(List.of(), strings(database, "SELECT version_num FROM q_version"));
    }

    @Test
    void aNameLongerThan64CharactersFailsBeforeAnySqlRuns(TestDatabase database) throws SQLException {
        String name = "t".repeat(65);
        TestRevisions revisions = revision("n1", op -> {
            op.createTable("n_ok", t -> t.column("id", ColumnType.INTEGER));
            op.createTable(name, t -> t.column("id", ColumnType.INTEGER));
        });
        MigrateException e = assertThrows(MigrateException.class,
                () -> run(database, "n_version", revisions, null).run(heads -> revisions.up(null, "n1")));
        assertTrue(e.getMessage().contains("The name '" + name + "' is 65 characters long, more than the 64 MariaDB and"
                + " MySQL accept. Choose a shorter name in the revision."), e.getMessage());
        assertEquals(List.of(), tables(database, "n_ok"), "rendering failed before the first statement ran");
    }

    @Test
    void ddlLockTimeoutSetsLockWaitTimeoutAndALockedTableFailsTheRevisionInTime(TestDatabase database) throws Exception {
        try (Connection setup = DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE `busy_t` (`id` INT)");
        }
        TestRevisions revisions = revision("l1", op -> op.addColumn("busy_t", "extra", ColumnType.INTEGER));
        try (Connection holder = DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT * FROM `busy_t`").close(); // holds a metadata lock until the transaction ends
            long start = System.nanoTime();
            RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run(database, "l_version",
                    revisions, Duration.ofSeconds(1)).run(heads -> revisions.up(null, "l1")));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis < 10_000, "bounded by lock_wait_timeout, took " + millis + " ms");
            assertEquals(1205, e.vendorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("hint: another session holds a lock this statement needs"), e.getMessage());
            holder.rollback();
        }
    }

    @Test
    void ctrlCKillsTheRunningStatementAndTheRevisionFailsWithAHint(TestDatabase database) throws Exception {
        TestRevisions revisions = revision("s1", op -> op.execute("SELECT SLEEP(60)"));
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> running = executor.submit(
                    () -> run(database, "s_version", revisions, null).run(heads -> revisions.up(null, "s1")));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (strings(database, "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(60)%'")
                    .isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the statement runs on the server");
                Thread.sleep(50);
            }
            long start = System.nanoTime();
            // What the JVM shutdown hook does on Ctrl-C: KILL QUERY from the run's idle lock connection.
            ShutdownCancel.active().forEach(ShutdownCancel::cancelAndWait);
            Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> running.get(20, java.util.concurrent.TimeUnit.SECONDS)).getCause();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "ended long before SLEEP(60)");
            assertTrue(failure instanceof RevisionFailedException, String.valueOf(failure));
            RevisionFailedException e = (RevisionFailedException) failure;
            assertEquals(1317, e.vendorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("hint: the statement was interrupted: by Ctrl-C on this run"), e.getMessage());
            assertEquals(List.of(), strings(database, "SELECT version_num FROM s_version"));
            assertEquals(List.of(), ShutdownCancel.active().stream().toList(), "the hook is gone with the run");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void ctrlCDuringAStatementThatSwallowsTheKillStopsTheRunBeforeItsNextStatement(TestDatabase database)
            throws Exception {
        // DO SLEEP returns normally when KILL QUERY ends it, so only the stop request keeps the run from going on
        // with the revision's next statements and the next revision while the JVM is going down.
        TestRevisions revisions = new TestRevisions()
                .add("d1", null, op -> {
                    op.execute("CREATE TABLE `halt_a` (`id` INT)");
                    op.execute("DO SLEEP(60)");
                    op.execute("CREATE TABLE `halt_b` (`id` INT)");
                }, op -> { })
                .add("d2", "d1", op -> op.execute("CREATE TABLE `halt_c` (`id` INT)"), op -> { });
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> running = executor.submit(
                    () -> run(database, "stop_version", revisions, null).run(heads -> revisions.up(null, "d1", "d2")));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (strings(database, "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'DO SLEEP(60)%'")
                    .isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the statement runs on the server");
                Thread.sleep(50);
            }
            ShutdownCancel.active().forEach(ShutdownCancel::cancelAndWait);
            Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> running.get(20, java.util.concurrent.TimeUnit.SECONDS)).getCause();
            assertTrue(failure instanceof RevisionFailedException, String.valueOf(failure));
            String message = failure.getMessage();
            assertTrue(message.startsWith("Revision 'd1' (com.example.Rev_d1) stopped during upgrade: this run was asked to"
                    + " stop (Ctrl-C or SIGTERM) before this statement, which did not run\n"
                    + "  statement: CREATE TABLE `halt_b` (`id` INT)\n"), message);
            assertTrue(message.contains("  applied:     1. CREATE TABLE `halt_a` (`id` INT)\n"
                    + "  not applied: 2. DO SLEEP(60)\n"
                    + "  not applied: 3. CREATE TABLE `halt_b` (`id` INT) (not started: the run was asked to stop)\n"),
                    message);
            assertTrue(message.endsWith("Running upgrade again is safe: it resumes at statement 2."), message);
            assertFalse(message.contains("SQLState"), "no database said anything: " + message);
            assertEquals(List.of(), strings(database, "SELECT version_num FROM stop_version"));
            assertEquals(List.of("halt_a"), strings(database, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'halt\\_%' ORDER BY 1"),
                    "neither the revision's next statement nor the next revision ran");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theWorkSessionOfAKilledRunIsEndedByTheNextRun(TestDatabase database) throws Exception {
        // What a run killed with kill -9 leaves: its lock connection is gone (and with it the run lock), but its
        // work session may still be open on the server, holding the work-session lock.
        try (Connection orphan = DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = orphan.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT GET_LOCK(CONCAT('migrate:', SHA1(CONCAT(DATABASE(), '/',"
                    + " 'migrate-work:`o_version`'))), 0)")) {
                row.next();
                assertEquals(1, row.getInt(1), "the orphan holds the work-session lock");
            }
            TestRevisions revisions = revision("o1", op -> op.createTable("o_t", t -> t.column("id", ColumnType.INTEGER)));
            run(database, "o_version", revisions, null).run(heads -> revisions.up(null, "o1"));
            assertTrue(events.stream().anyMatch(ev -> ev instanceof MigrationEvent.SessionEnded), events::toString);
            assertTrue(!orphan.isValid(5), "the orphan session was ended");
            assertEquals(List.of("o1"), strings(database, "SELECT version_num FROM o_version"));
        }
    }
}
