package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.RevisionFailedException;
import dev.migrate.RunResult;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL sends a revision's plain statements, and then its bookkeeping, as JDBC batches; and
 * a run already at its target answers without the lock. What a user sees must not change.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresRoundTripTest {

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    private OnlineRun run(TestDatabase database, String table, TestRevisions revisions, Duration lockTimeout) {
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, table), lockTimeout, null, events::add);
        return new OnlineRun(ConnectionSource.of(database.url(), database.user(), database.password(),
                getClass().getClassLoader()), new PostgresDialect(), settings, revisions.lookup());
    }

    @Test
    void aFailureInTheMiddleOfABatchedRevisionNamesThatStatement(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("m1", null, op -> {
                    op.execute("CREATE TABLE \"mid_a\" (\"id\" INT)");
                    op.execute("INSERT INTO \"mid_missing\" (\"id\") VALUES (1)");
                    op.execute("CREATE TABLE \"mid_b\" (\"id\" INT)");
                }, op -> { });
        OnlineRun run = run(database, "mid_version", revisions, Duration.ofSeconds(30));
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run.run(h -> revisions.up(null, "m1")));
        assertEquals("42P01", e.sqlState());
        assertEquals(0, e.vendorCode());
        assertTrue(e.getMessage().startsWith("Revision 'm1' (com.example.Rev_m1) failed during upgrade: ERROR: relation"
                + " \"mid_missing\" does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  statement: INSERT INTO \"mid_missing\" (\"id\") VALUES (1)\n  SQLState: 42P01,"
                + " vendor code: 0\n"), e.getMessage());
        assertEquals(List.of(), run.current());
        assertEquals(List.of(), database.strings("SELECT table_name FROM information_schema.tables"
                + " WHERE table_name LIKE 'mid\\_%' AND table_name <> 'mid_version' AND table_name <> 'mid_history'"
                + " AND table_name <> 'mid_progress'"));
        List<HistoryEntry> history = run.history();
        assertEquals(1, history.size());
        assertFalse(history.get(0).success());
    }

    @Test
    void aFailingCommitIsReportedAsTheCommitAndKeepsNothing(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("c1", null, op -> {
                    op.execute("CREATE TABLE \"dc_p\" (\"id\" INT PRIMARY KEY)");
                    op.execute("CREATE TABLE \"dc_c\" (\"p\" INT REFERENCES \"dc_p\" DEFERRABLE INITIALLY DEFERRED)");
                    op.execute("INSERT INTO \"dc_c\" VALUES (1)");
                }, op -> { });
        OnlineRun run = run(database, "dc_version", revisions, Duration.ofSeconds(30));
        RevisionFailedException e = assertThrows(RevisionFailedException.class, () -> run.run(h -> revisions.up(null, "c1")));
        assertEquals("23503", e.sqlState());
        assertTrue(e.getMessage().contains("\n  statement: (commit)\n  SQLState: 23503, vendor code: 0\n"), e.getMessage());
        assertEquals(List.of(), run.current());
        assertEquals(List.of(), database.strings("SELECT table_name FROM information_schema.tables WHERE table_name = 'dc_p'"));
        assertEquals(List.of(false), run.history().stream().map(HistoryEntry::success).toList());
    }

    @Test
    void batchedRevisionsWriteTheSameHistoryAsUnbatchedOnes(TestDatabase database) throws SQLException {
        TestRevisions revisions = new TestRevisions()
                .add("h1", null, op -> {
                    op.execute("CREATE TABLE \"hb_t\" (\"id\" INT, \"note\" TEXT)");
                    op.execute("INSERT INTO \"hb_t\" VALUES (1, 'it''s; here');");
                    op.execute("SELECT 1");
                }, op -> op.execute("DROP TABLE \"hb_t\""));
        OnlineRun run = run(database, "hb_version", revisions, Duration.ofSeconds(30));
        run.run(h -> revisions.up(null, "h1"));
        assertEquals(List.of("it's; here"), database.strings("SELECT \"note\" FROM \"hb_t\""));
        HistoryEntry entry = run.history().get(0);
        assertEquals("h1", entry.revision());
        assertTrue(entry.success());
        assertTrue(!entry.finished().isBefore(entry.started()), entry.toString());
        assertEquals(Checksums.of(List.of(SqlStatement.of("CREATE TABLE \"hb_t\" (\"id\" INT, \"note\" TEXT)"),
                SqlStatement.of("INSERT INTO \"hb_t\" VALUES (1, 'it''s; here');"), SqlStatement.of("SELECT 1"))),
                entry.checksum());
        assertEquals(List.of("h1"), database.strings("SELECT \"version_num\" FROM \"hb_version\""));
    }

    @Test
    void aRunAlreadyAtItsTargetDoesNotWaitForTheLock(TestDatabase database) throws Exception {
        TestRevisions revisions = new TestRevisions()
                .add("n1", null, op -> op.execute("CREATE TABLE \"nl_t\" (\"id\" INT)"), op -> { })
                .add("n2", "n1", op -> op.execute("CREATE TABLE \"nl_u\" (\"id\" INT)"), op -> { });
        run(database, "nl_version", revisions, Duration.ofSeconds(30)).run(h -> revisions.up(null, "n1"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> run(database, "nl_version", revisions, Duration.ofSeconds(30)).run(heads -> {
            holding.countDown();
            await(release);
            return revisions.up("n1");
        }));
        holder.start();
        try {
            holding.await();
            OnlineRun quick = run(database, "nl_version", revisions, Duration.ofMillis(200));
            RunResult noOp = quick.run(heads -> revisions.up("n1"), true);
            assertEquals(List.of(), noOp.applied());
            assertEquals(List.of("n1"), noOp.headsAfter());
            MigrateException e = assertThrows(MigrateException.class, () -> quick.run(heads -> revisions.up("n1", "n2"), true));
            assertTrue(e.getMessage().startsWith("Gave up after waiting 200 ms for the migrate lock"), e.getMessage());
        } finally {
            release.countDown();
            holder.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
