package dev.migrate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * Without a server the database test classes are disabled (JUnit and Surefire report them as
 * skipped, with the reason), not aborted in beforeAll, which Surefire shows as "Tests run: 0".
 */
class PostgresDatabaseExtensionTest {

    @Test
    void noServerAndNoDockerDisablesTheClassWithTheReason() {
        ConditionEvaluationResult result = PostgresDatabaseExtension.availability(Map.of(), () -> false);
        assertTrue(result.isDisabled());
        assertEquals("PostgreSQL is not available: set MIGRATE_TEST_POSTGRES_URL (for example"
                + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or start Docker for Testcontainers",
                result.getReason().orElseThrow());
    }

    @Test
    void aServerUrlOrDockerEnablesIt() {
        assertFalse(PostgresDatabaseExtension.availability(
                Map.of("MIGRATE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"), () -> false).isDisabled());
        assertFalse(PostgresDatabaseExtension.availability(Map.of(), () -> true).isDisabled());
    }

    @Test
    void underCiAMissingServerStaysEnabledSoItFails() {
        assertFalse(PostgresDatabaseExtension.availability(Map.of("CI", "true"), () -> false).isDisabled());
    }
}
