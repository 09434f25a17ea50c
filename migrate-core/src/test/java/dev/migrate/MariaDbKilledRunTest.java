package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.testing.LambdaMigration;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kill -9} of a JVM running {@link Migrator#upgrade} on MariaDB, in the middle of a revision whose
 * first two statements (DDL) have committed for good: the next run neither waits for the dead run's lock
 * nor leaves its still-running statement beside it, says what the dead run left, and finishes the
 * revision without repeating what took effect.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
@Timeout(180)
class MariaDbKilledRunTest {

    private static final long BOUND_MILLIS = 60_000;
    private static final String SLOW = "SELECT SLEEP(120)";

    /** The history; {@code slow} makes the third statement of the second revision the long one the kill interrupts. */
    static List<IndexedRevision> history(boolean slow) {
        return List.of(
                revision("k1", List.of(), op -> op.execute("CREATE TABLE `kr_log` (`revision` VARCHAR(20))")),
                revision("k2", List.of("k1"), op -> {
                    op.execute("CREATE TABLE `kr_a` (`id` INT)");
                    op.execute("CREATE TABLE `kr_b` (`id` INT)");
                    op.execute(slow ? SLOW : "SELECT 1");
                    op.execute("CREATE TABLE `kr_c` (`id` INT)");
                    op.execute("INSERT INTO `kr_log` VALUES ('k2')");
                }));
    }

    /** What the killed process runs: an upgrade to head of {@code args[0]}, with the slow statement. */
    public static void main(String[] args) {
        Migrator.builder().url(args[0]).revisions(history(true)).build().upgrade("head");
    }

    @Test
    void theRunAfterAKilledOneEndsItsSessionSaysWhatItLeftAndFinishesTheRevision(TestDatabase database) throws Exception {
        String url = MariaDbDatabaseExtension.plainUrl(database);
        Path output = Files.createTempFile("migrate-killed-run", ".log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MariaDbKilledRunTest.class.getName(), url)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            String sleeper = "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = '" + SLOW + "' AND DB = DATABASE()";
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
            while (strings(url, sleeper).isEmpty()) {
                assertTrue(child.isAlive(), "the child died before its slow statement: " + Files.readString(output));
                assertTrue(System.nanoTime() < deadline, "the child's slow statement runs on the server");
                Thread.sleep(50);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no KILL QUERY, no rollback sent
            assertTrue(child.waitFor(BOUND_MILLIS, TimeUnit.MILLISECONDS), "the child is gone");
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(output);
        }
        assertEquals(List.of("kr_a", "kr_b"), strings(url, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE"
                + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'kr\\_%' AND TABLE_NAME <> 'kr_log' ORDER BY 1"),
                "the dead run's first two statements committed for good");

        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        RunResult result = Migrator.builder().url(url).revisions(history(false)).lockTimeout(Duration.ofSeconds(30))
                .listener(events::add).build().upgrade("head");

        assertEquals(List.of("k2"), result.applied().stream().map(AppliedRevision::id).toList());
        MigrationEvent.SessionEnded ended = (MigrationEvent.SessionEnded) events.stream()
                .filter(e -> e instanceof MigrationEvent.SessionEnded).findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertTrue(ended.describe().startsWith("Ended the database session of an interrupted migrate run on `migrate_version`"
                + " (session pid "), ended.describe());
        assertTrue(ended.describe().matches("Ended the database session of an interrupted migrate run on `migrate_version`"
                + " \\(session pid \\d+ \\(client [^,]+, Query for \\d+ s: SELECT SLEEP\\(120\\)\\)\\): its run lock was gone, so it"
                + " could not be left to finish; the server rolled back its open transaction, and what it had committed"
                + " stays"), "names the session and what it was running: " + ended.describe());
        assertTrue(!ended.describe().contains("PostgreSQL"), ended.describe());
        MigrationEvent.Resumed resumed = (MigrationEvent.Resumed) events.stream()
                .filter(e -> e instanceof MigrationEvent.Resumed).findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(2, resumed.skippedSteps());
        assertEquals("k2: resuming after its first 2 step(s), which an earlier attempt committed for good before it"
                + " stopped (it failed, lost its connection or was killed); they are not run again: 1. CREATE TABLE `kr_a`"
                + " (`id` INT); 2. CREATE TABLE `kr_b` (`id` INT)", resumed.describe());
        assertEquals(List.of("k2"), strings(url, "SELECT `version_num` FROM `migrate_version`"));
        assertEquals(List.of("k2"), strings(url, "SELECT `revision` FROM `kr_log`"), "the revision's row exactly once");
        assertEquals(List.of(), strings(url, "SELECT `revision` FROM `migrate_progress`"));
        assertEquals(List.of(), strings(url, "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = '" + SLOW + "'"
                + " AND DB = DATABASE()"), "the dead run's statement no longer runs");
    }

    private static IndexedRevision revision(String id, List<String> parents, Consumer<Operations> up) {
        return new IndexedRevision(new RevisionDescriptor(id, parents, List.of(), List.of(), "rev " + id,
                "com.example.Rev_" + id), () -> new LambdaMigration(up, op -> { }));
    }

    private static List<String> strings(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
