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

    @Test
    void rejectsNegativeDurationsInEitherForm() {
        MigrateException simple = assertThrows(MigrateException.class, () -> Durations.parse("migrate.lockTimeout", "-5s"));
        assertEquals("migrate.lockTimeout is '-5s', a negative duration. Give zero or a positive duration like 60s,"
                + " or leave it out for the default.", simple.getMessage());
        MigrateException iso = assertThrows(MigrateException.class, () -> Durations.parse("migrate.lockTimeout", "PT-5S"));
        assertEquals("migrate.lockTimeout is 'PT-5S', a negative duration. Give zero or a positive duration like 60s,"
                + " or leave it out for the default.", iso.getMessage());
    }

    @Test
    void rejectsHugeNumbersInsteadOfFailingUnexpectedly() {
        MigrateException overflow = assertThrows(MigrateException.class,
                () -> Durations.parse("migrate.lockTimeout", "99999999999999999999h"));
        assertEquals("migrate.lockTimeout is '99999999999999999999h', a number too large for a duration. Give a"
                + " duration like 60s, 10m or 1h.", overflow.getMessage());
        MigrateException tooLong = assertThrows(MigrateException.class,
                () -> Durations.parse("migrate.ddlLockTimeout", "100000h"));
        assertEquals("migrate.ddlLockTimeout is '100000h', longer than a day. Give a duration like 60s, 10m or 1h.",
                tooLong.getMessage());
    }
}
