package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsShortAndIsoForms() {
        assertEquals(Duration.ofSeconds(60), Durations.parse("migrate.lockTimeout", "60s"));
        assertEquals(Duration.ofSeconds(5), Durations.parse("migrate.lockTimeout", "5"));
        assertEquals(Duration.ofMillis(500), Durations.parse("migrate.lockTimeout", "500ms"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("migrate.lockTimeout", "2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("migrate.lockTimeout", "1h"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("migrate.lockTimeout", "PT90S"));
        assertNull(Durations.parse("migrate.ddlLockTimeout", " "));
    }

    @Test
    void rejectsOtherTextNamingTheSetting() {
        MigrateException e = assertThrows(MigrateException.class, () -> Durations.parse("migrate.ddlLockTimeout", "soon"));
        assertEquals("migrate.ddlLockTimeout is 'soon', which is not a duration. Write it like 60s, 500ms, 2m, 1h or PT1M.",
                e.getMessage());
    }
}
