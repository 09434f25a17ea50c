package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.RunResult;
import dev.migrate.dialect.Dialects;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two migrate runs on one embedded H2 file: H2 admits one process, so the second run finds the
 * file taken (simulated here by locking the file as another JVM's H2 would) and waits for it like
 * for the run lock, reported and bounded by migrate.lockTimeout.
 */
@Timeout(60)
class H2FileBusyTest {

    @TempDir
    Path dir;

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    private OnlineRun run(String url, TestRevisions revisions, Duration lockTimeout) {
        EngineSettings settings = new EngineSettings(BookkeepingTables.of(null, "migrate_version"), lockTimeout, null,
                events::add);
        return new OnlineRun(ConnectionSource.of(url, "sa", "", getClass().getClassLoader()), Dialects.forUrl(url), settings,
                revisions.lookup());
    }

    private String createdDatabase() {
        String url = "jdbc:h2:" + dir.resolve("app") + ";DATABASE_TO_LOWER=TRUE";
        run(url, new TestRevisions(), Duration.ofSeconds(1)).current();
        return url;
    }

    @Test
    void aSecondRunWaitsForTheFileAndThenRuns() throws Exception {
        String url = createdDatabase();
        TestRevisions revisions = EngineContract.chain("busy");
        CompletableFuture<RunResult> result;
        try (FileChannel file = FileChannel.open(dir.resolve("app.mv.db"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = file.lock();
            result = CompletableFuture.supplyAsync(() -> run(url, revisions, Duration.ofSeconds(30))
                    .run(heads -> revisions.upFrom(heads, "a1", "b2", "c3"), true));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (events.stream().noneMatch(e -> e instanceof MigrationEvent.LockWaiting)) {
                assertTrue(System.nanoTime() < deadline, "the run reports its wait");
                Thread.sleep(20);
            }
            assertFalse(result.isDone());
            lock.release();
        }
        assertEquals(List.of("a1", "b2", "c3"), result.get(30, TimeUnit.SECONDS).applied().stream().map(a -> a.id()).toList());
        MigrationEvent.LockWaiting waiting = (MigrationEvent.LockWaiting) events.stream()
                .filter(e -> e instanceof MigrationEvent.LockWaiting).findFirst().orElseThrow();
        assertEquals("Waiting for another migrate run to release the lock on " + url + " (another process has this"
                + " embedded database open) (up to 30 s, migrate.lockTimeout)", waiting.describe());
    }

    @Test
    void theWaitForTheFileEndsAtTheLockTimeout() throws Exception {
        String url = createdDatabase();
        TestRevisions revisions = EngineContract.chain("late");
        try (FileChannel file = FileChannel.open(dir.resolve("app.mv.db"), StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = file.lock()) {
            MigrateException e = assertThrows(MigrateException.class, () -> run(url, revisions, Duration.ofMillis(300))
                    .run(heads -> revisions.upFrom(heads, "a1", "b2", "c3"), true));
            assertTrue(e.getMessage().startsWith("Gave up after waiting 300 ms (migrate.lockTimeout) for the embedded database "
                    + url + ": Cannot open " + url + ": another process has this embedded H2 database open"), e.getMessage());
            assertTrue(e.getMessage().endsWith("This run changed nothing; raise migrate.lockTimeout (for example"
                    + " -Dmigrate.lockTimeout=5m) to wait longer."), e.getMessage());
        }
    }
}
