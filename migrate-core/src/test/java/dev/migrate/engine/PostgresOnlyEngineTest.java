package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrationEvent;
import dev.migrate.RevisionFailedException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** What only PostgreSQL can show: transactional DDL, lock_timeout, CONCURRENTLY beside the advisory lock. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresOnlyEngineTest {

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    private OnlineRun run(TestDatabase database, String table, TestRevisions revisions, Dialect dialect, Duration ddlLockTimeout) {
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, table), Duration.ofSeconds(30), ddlLockTimeout,
                events::add);
        return new OnlineRun(ConnectionSource.of(database.url(), database.user(), database.password(),
                getClass().getClassLoader()), dialect, settings, revisions.lookup());
    }

    private static boolean tableExists(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect();
                ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
            return tables.next();
        }
    }

    @Test
    void failingRevisionLeavesNoDdlBehind(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("d1", null, op -> op.execute("CREATE TABLE \"ddl_a\" (\"id\" INT)"), op -> { })
                .add("d2", "d1", op -> {
                    op.execute("CREATE TABLE \"ddl_b\" (\"id\" INT)");
                    op.execute("ALTER TABLE \"ddl_a\" ADD COLUMN \"note\" TEXT");
                    op.execute("ALTER TABLE \"ddl_a\" ADD COLUMN \"note\" TEXT");
                }, op -> { });
        OnlineRun run = run(database, "ddl_version", revisions, new PostgresDialect(), null);
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run.run(h -> revisions.up(null, "d1", "d2")));
        assertEquals("42701", e.sqlState());
        assertTrue(e.getMessage().contains("column \"note\" of relation \"ddl_a\" already exists"), e.getMessage());
        assertEquals(List.of("d1"), run.current());
        assertTrue(tableExists(database, "ddl_a"));
        assertTrue(!tableExists(database, "ddl_b"), "d2's CREATE TABLE was rolled back with it");
        try (Connection connection = database.connect();
                ResultSet columns = connection.getMetaData().getColumns(null, "public", "ddl_a", "note")) {
            assertTrue(!columns.next(), "d2's ADD COLUMN was rolled back with it");
        }
    }

    @Test
    void ddlLockTimeoutStopsARevisionQueuedBehindALock(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("k1", "k0", op -> op.execute("ALTER TABLE \"busy\" ADD COLUMN \"x\" INT"), op -> { });
        try (Connection other = database.connect(); Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE \"busy\" (\"id\" INT)");
            other.setAutoCommit(false);
            statement.execute("LOCK TABLE \"busy\" IN ACCESS SHARE MODE");
            OnlineRun run = run(database, "busy_version", revisions, new PostgresDialect(), Duration.ofMillis(200));
            run.stamp(heads -> new dev.migrate.graph.VersionChange(heads, List.of("k0")));
            RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run.run(h -> revisions.up("k0", "k1")));
            assertEquals("55P03", e.sqlState());
            assertTrue(e.getMessage().contains("lock timeout"), e.getMessage());
            assertTrue(e.getMessage().contains("\n  hint: another session holds a lock this statement needs, and waiting"
                    + " for it was bounded (lock_timeout, which migrate.ddlLockTimeout sets, or NOWAIT); run again when"
                    + " that session is done, or raise migrate.ddlLockTimeout.\n"), e.getMessage());
            assertEquals(List.of("k0"), run.current());
            other.rollback();
        }
    }

    @Test
    @Timeout(120) // guards against the hang this test is about: CONCURRENTLY waiting for the lock session
    void concurrentIndexRunsOutsideTheTransactionBesideTheAdvisoryLock(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("i1", null, op -> {
                    op.execute("CREATE TABLE \"idx_t\" (\"id\" INT, \"code\" TEXT)");
                    op.execute("INSERT INTO \"idx_t\" VALUES (1, 'a')");
                    op.createIndex("idx_t_code", "idx_t", List.of("code"), index -> index.concurrently());
                    op.execute("INSERT INTO \"idx_t\" VALUES (2, 'b')");
                }, op -> { });
        run(database, "idx_version", revisions, new PostgresDialect(), Duration.ofSeconds(5))
                .run(h -> revisions.up(null, "i1"));
        try (Connection connection = database.connect();
                ResultSet indexes = connection.getMetaData().getIndexInfo(null, "public", "idx_t", false, false)) {
            boolean found = false;
            while (indexes.next()) {
                found |= "idx_t_code".equals(indexes.getString("INDEX_NAME"));
            }
            assertTrue(found, "index created");
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof MigrationEvent.OutsideTransaction o && o.revision().equals("i1")));
        assertEquals(List.of("i1"), run(database, "idx_version", revisions, new PostgresDialect(), null).current());
    }

    @Test
    void aRowCountSlowerThanItsTimeLimitCostsTheTotalNotTheUpdate(TestDatabase database) throws SQLException {
        // Each row the WHERE clause looks at sleeps 0.25 s: counting 16 rows takes 4 s, past the count's limit.
        TestRevisions revisions = new TestRevisions()
                .add("slow1", null, op -> {
                    op.execute("CREATE TABLE \"slow_t\" (\"id\" INT PRIMARY KEY, \"done\" BOOLEAN)");
                    op.execute("INSERT INTO \"slow_t\" (\"id\") SELECT g FROM generate_series(1, 16) AS g");
                    op.batchedUpdate("slow_t", "\"done\" = TRUE", "\"done\" IS NULL AND pg_sleep(0.25)::text = ''", 16);
                }, op -> op.execute("DROP TABLE \"slow_t\""));
        run(database, "slow_version", revisions, new PostgresDialect(), null).run(h -> revisions.up(null, "slow1"));
        List<MigrationEvent.BatchProgress> batches = events.stream().filter(e -> e instanceof MigrationEvent.BatchProgress)
                .map(e -> (MigrationEvent.BatchProgress) e).toList();
        assertTrue(BackfillRunner.COUNT_SECONDS * 4 < 16, "the count must outlast its limit for this test to mean anything");
        assertEquals(List.of(16L, 0L), batches.stream().map(MigrationEvent.BatchProgress::rows).toList());
        assertEquals(List.of(-1L, -1L), batches.stream().map(MigrationEvent.BatchProgress::expectedRows).toList());
        assertEquals("slow1: batch 1 updated 16 row(s) of slow_t, 16 so far", batches.get(0).describe());
        assertEquals(List.of("slow1"), run(database, "slow_version", revisions, new PostgresDialect(), null).current());
    }

    @Test
    void backfillsAHundredThousandRowsInBatches(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("bf1", null, op -> {
                    op.execute("CREATE TABLE \"event\" (\"id\" BIGINT PRIMARY KEY, \"kind\" TEXT)");
                    op.execute("INSERT INTO \"event\" (\"id\") SELECT g FROM generate_series(1, 100000) AS g");
                    op.batchedUpdate("event", "\"kind\" = CASE WHEN \"id\" % 2 = 0 THEN 'even' ELSE 'odd' END",
                            "\"kind\" IS NULL", 10_000);
                    op.execute("ALTER TABLE \"event\" ALTER COLUMN \"kind\" SET NOT NULL");
                }, op -> op.execute("DROP TABLE \"event\""));
        run(database, "bf_version", revisions, new PostgresDialect(), Duration.ofSeconds(5)).run(h -> revisions.up(null, "bf1"));
        List<MigrationEvent.BatchProgress> batches = events.stream().filter(e -> e instanceof MigrationEvent.BatchProgress)
                .map(e -> (MigrationEvent.BatchProgress) e).toList();
        assertEquals(11, batches.size(), "ten full batches and the empty one that ends the loop");
        assertEquals(100_000L, batches.get(10).totalRows());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FILTER (WHERE \"kind\" = 'even'),"
                        + " COUNT(*) FILTER (WHERE \"kind\" IS NULL) FROM \"event\"")) {
            row.next();
            assertEquals(50_000, row.getInt(1));
            assertEquals(0, row.getInt(2));
        }
    }

    @Test
    void aFailedBackfillResumesWhereItStoppedWhenTheRevisionRunsAgain(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"resume_fault\" (\"armed\" BOOLEAN NOT NULL)");
            statement.execute("INSERT INTO \"resume_fault\" VALUES (TRUE)");
            // Fails the batch that reaches id 550 while the fault is armed.
            statement.execute("CREATE FUNCTION \"resume_trap\"() RETURNS trigger AS $$ BEGIN"
                    + " IF NEW.\"id\" = 550 AND (SELECT \"armed\" FROM \"resume_fault\") THEN"
                    + " RAISE EXCEPTION 'disk full while backfilling row 550'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        }
        // The batches that ran before the failure stay committed; the next run updates only the rest.
        TestRevisions revisions = new TestRevisions().add("rs1", null, op -> {
            op.execute("CREATE TABLE IF NOT EXISTS \"resume_event\" (\"id\" BIGINT PRIMARY KEY, \"kind\" TEXT)");
            op.execute("INSERT INTO \"resume_event\" (\"id\") SELECT g FROM generate_series(1, 1000) AS g"
                    + " ON CONFLICT DO NOTHING");
            op.execute("CREATE OR REPLACE TRIGGER \"resume_trap\" BEFORE UPDATE ON \"resume_event\""
                    + " FOR EACH ROW EXECUTE FUNCTION \"resume_trap\"()");
            op.batchedUpdate("resume_event", "\"kind\" = 'done'", "\"kind\" IS NULL", 100);
        }, op -> op.execute("DROP TABLE \"resume_event\""));

        OnlineRun run = run(database, "resume_version", revisions, new PostgresDialect(), null);
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run.run(h -> revisions.up(null, "rs1")));
        assertTrue(e.getMessage().contains("disk full while backfilling row 550"), e.getMessage());
        assertEquals(List.of(), run.current(), "the revision is not recorded");
        int committed = Integer.parseInt(database.strings(
                "SELECT COUNT(*) FROM \"resume_event\" WHERE \"kind\" = 'done'").get(0));
        assertTrue(committed >= 100 && committed < 1000, "the batches before the failing one stay committed: " + committed);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE \"resume_fault\" SET \"armed\" = FALSE");
        }
        events.clear();
        run.run(h -> revisions.up(null, "rs1"));
        List<MigrationEvent.BatchProgress> batches = events.stream().filter(ev -> ev instanceof MigrationEvent.BatchProgress)
                .map(ev -> (MigrationEvent.BatchProgress) ev).toList();
        assertEquals(1000 - committed, batches.get(batches.size() - 1).totalRows(), "only the rows not done yet are updated");
        assertEquals(List.of("rs1"), run.current());
        assertEquals(List.of("0"), database.strings("SELECT COUNT(*) FROM \"resume_event\" WHERE \"kind\" IS NULL"));
    }

    /** A deferred constraint is checked when the transaction commits: the COMMIT itself fails. */
    private static TestRevisions deferredViolation(String prefix) {
        return new TestRevisions()
                .add(prefix + "1", null, op -> op.execute("CREATE TABLE \"" + prefix + "_ok\" (\"id\" INT)"), op -> { })
                .add(prefix + "2", prefix + "1", op -> {
                    op.execute("CREATE TABLE \"" + prefix + "_code\" (\"code\" INT, CONSTRAINT \"" + prefix
                            + "_code_uq\" UNIQUE (\"code\") DEFERRABLE INITIALLY DEFERRED)");
                    op.execute("INSERT INTO \"" + prefix + "_code\" VALUES (1), (1)");
                }, op -> { });
    }

    @Test
    void aCommitRefusedByADeferredConstraintFailsThatRevisionOnly(TestDatabase database) throws SQLException {
        TestRevisions revisions = deferredViolation("dc");
        OnlineRun run = run(database, "dc_version", revisions, new PostgresDialect(), null);
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run.run(h -> revisions.up(null, "dc1", "dc2")));
        assertEquals("dc2", e.revision());
        assertEquals("23505", e.sqlState());
        assertTrue(e.getMessage().startsWith("Revision 'dc2' (com.example.Rev_dc2) failed during upgrade: ERROR: duplicate key"
                + " value violates unique constraint \"dc_code_uq\""), e.getMessage());
        assertTrue(e.getMessage().contains("\n  statement: (commit)\n  SQLState: 23505"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  hint: the database refused the COMMIT: a constraint declared DEFERRABLE"
                + " INITIALLY DEFERRED (or deferred by SET CONSTRAINTS) is checked only when the transaction commits."),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("earlier revisions stay applied and the version table is at dc1."
                + " Fix the revision and run upgrade again."), e.getMessage());
        assertEquals(List.of("dc1"), run.current());
        assertTrue(!tableExists(database, "dc_code"), "dc2 was rolled back whole");
    }

    @Test
    void aSingleTransactionWhoseFinalCommitIsRefusedRollsBackTheRun(TestDatabase database) throws SQLException {
        TestRevisions revisions = deferredViolation("sc");
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "sc_version"), Duration.ofSeconds(30), null,
                events::add, true);
        OnlineRun run = new OnlineRun(ConnectionSource.of(database.url(), database.user(), database.password(),
                getClass().getClassLoader()), new PostgresDialect(), settings, revisions.lookup());
        dev.migrate.MigrateException e = assertThrows(dev.migrate.MigrateException.class,
                () -> run.run(h -> revisions.up(null, "sc1", "sc2")));
        assertTrue(e.getMessage().startsWith("The run's single transaction (migrate.singleTransaction) did not commit:"
                + " ERROR: duplicate key value violates unique constraint \"sc_code_uq\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("Its 2 revisions were rolled back (all but any committed early by a step that"
                + " runs outside a transaction); the version table is at base. The database checks deferred constraints"
                + " (DEFERRABLE INITIALLY DEFERRED) at that commit: fix the revision whose changes break one, then run"
                + " the goal again."),
                e.getMessage());
        assertEquals(List.of(), run.current());
        assertTrue(!tableExists(database, "sc_ok"), "sc1 was rolled back with the run");
        assertTrue(!tableExists(database, "sc_code"), "sc2 was rolled back with the run");
    }
}
