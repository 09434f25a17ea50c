package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.MigrationEvent;
import dev.migrate.graph.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenLogListenerTest {

    /** Keeps what would be logged, with its level. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void debug(CharSequence content) {
            lines.add("DEBUG " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARNING " + content);
        }
    }

    @Test
    void anAmbiguousTargetIsAWarningInBothListeners() {
        RecordingLog log = new RecordingLog();
        MigrationEvent event = new MigrationEvent.AmbiguousTarget("-1", "Downgrade -1 from several heads (c3, d4) is"
                + " ambiguous");
        new MavenLogListener(log).on(event);
        MavenLogListener.forTenants(log).on(event);
        assertEquals(List.of("WARNING Downgrade -1 from several heads (c3, d4) is ambiguous",
                "WARNING Downgrade -1 from several heads (c3, d4) is ambiguous"), log.lines);
    }

    @Test
    void oneInfoLinePerFinishedRevisionWithItsMessageAndTime() {
        RecordingLog log = new RecordingLog();
        MavenLogListener listener = new MavenLogListener(log);
        listener.on(new MigrationEvent.LockAcquired("migrate_version", Duration.ZERO));
        listener.on(new MigrationEvent.Planned(Direction.UP, List.of(), List.of("1975ea83b712")));
        listener.on(new MigrationEvent.RevisionStarted("1975ea83b712", "create users", Direction.UP, ""));
        listener.on(new MigrationEvent.BatchProgress("1975ea83b712", "users", 1, 500, 500));
        listener.on(new MigrationEvent.RevisionFinished("1975ea83b712", Direction.UP, Duration.ofMillis(42)));
        listener.on(new MigrationEvent.RevisionStarted("1975ea83b712", "create users", Direction.DOWN, ""));
        listener.on(new MigrationEvent.RevisionFinished("1975ea83b712", Direction.DOWN, Duration.ofMillis(7)));
        assertEquals(List.of(
                "DEBUG Acquired the lock on migrate_version",
                "DEBUG Running 1 revision(s) up from base",
                "DEBUG Running upgrade  -> 1975ea83b712, create users",
                "INFO 1975ea83b712: batch 1 updated 500 row(s) of users, 500 so far",
                "INFO Upgraded 1975ea83b712 create users (42 ms)",
                "DEBUG Running downgrade 1975ea83b712 -> , create users",
                "INFO Downgraded 1975ea83b712 create users (7 ms)"), log.lines);
    }

    @Test
    void waitingForTheLockIsShown() {
        RecordingLog log = new RecordingLog();
        new MavenLogListener(log).on(new MigrationEvent.LockWaiting("migrate_version", Duration.ofSeconds(60)));
        new MavenLogListener(log).on(new MigrationEvent.LockAcquired("migrate_version", Duration.ofMillis(1500)));
        assertEquals(List.of(
                "INFO Waiting for another migrate run to release the lock on migrate_version (up to 60 s, migrate.lockTimeout)",
                "INFO Acquired the lock on migrate_version after waiting 1500 ms"), log.lines);
    }

    @Test
    void waitingForTheSessionOfAnotherRunIsShown() {
        RecordingLog log = new RecordingLog();
        new MavenLogListener(log).on(new MigrationEvent.SessionWaiting("migrate_version",
                "held by session pid 4711 (application 'migrate', client 10.0.0.5, active for 3 s: SELECT pg_sleep(30))",
                Duration.ofSeconds(60)));
        assertEquals(List.of("INFO Waiting for the database session of another migrate run on migrate_version to end"
                + " (held by session pid 4711 (application 'migrate', client 10.0.0.5, active for 3 s: SELECT pg_sleep(30))):"
                + " its run lock is gone but its statement still runs on the server (up to 60 s, migrate.lockTimeout)"),
                log.lines);
    }

    @Test
    void overTenantsOnlyWhatTouchedAnotherRunsSessionIsShown() {
        RecordingLog log = new RecordingLog();
        dev.migrate.MigrationListener listener = MavenLogListener.forTenants(log);
        listener.on(new MigrationEvent.RevisionStarted("1975ea83b712", "create users", Direction.UP, ""));
        listener.on(new MigrationEvent.Resumed("1975ea83b712", 1, List.of("1. CREATE TABLE `users` (`id` INT)")));
        listener.on(new MigrationEvent.SessionEnded("`acme`.`migrate_version`", "session pid 12 (client 10.0.0.5)"));
        listener.on(new MigrationEvent.RevisionFinished("1975ea83b712", Direction.UP, Duration.ofMillis(42)));
        assertEquals(List.of(
                "DEBUG Running upgrade  -> 1975ea83b712, create users",
                "DEBUG 1975ea83b712: resuming after its first 1 step(s), which an earlier attempt committed for good before"
                        + " it stopped (it failed, lost its connection or was killed); they are not run again: 1. CREATE"
                        + " TABLE `users` (`id` INT)",
                "INFO Ended the database session of an interrupted migrate run on `acme`.`migrate_version` (session pid 12"
                        + " (client 10.0.0.5)): its run lock was gone, so it could not be left to finish; the server rolled"
                        + " back its open transaction, and what it had committed stays",
                "DEBUG Finished 1975ea83b712 in 42 ms"), log.lines);
    }
}
