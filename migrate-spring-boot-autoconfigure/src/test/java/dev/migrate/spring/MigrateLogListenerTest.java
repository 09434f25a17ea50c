package dev.migrate.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.MigrationEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** migrate's warnings reach the application's log as warnings, its progress as information. */
class MigrateLogListenerTest {

    @Test
    void warningsAreLoggedAtWarnAndProgressBelowIt() {
        MigrateLogListener listener = new MigrateLogListener();
        List<String> warnings = MigrateAutoConfigurationTest.warningsWhile(() -> {
            listener.on(new MigrationEvent.AmbiguousTarget("-1", "Downgrade -1 from several heads (c3, d4) is ambiguous"));
            listener.on(new MigrationEvent.EmptyDowngrade("b2", "com.example.B2"));
            listener.on(new MigrationEvent.LockAcquired("migrate_version", Duration.ZERO));
        });
        assertEquals(List.of("WARNING dev.migrate: Downgrade -1 from several heads (c3, d4) is ambiguous",
                "WARNING dev.migrate: " + new MigrationEvent.EmptyDowngrade("b2", "com.example.B2").describe()), warnings);
    }
}
