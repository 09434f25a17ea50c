package com.example.supportdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.junit.MigrateTest;
import dev.migrate.junit.MigrationChecks;
import dev.migrate.junit.MigrationTester;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The support desk's migrations, tested like code: on the server {@code -Dmigrate.test.url} names
 * (MariaDB too: {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}), else on PostgreSQL when
 * MIGRATE_TEST_POSTGRES_URL names a server, else on an in-memory H2 database.
 */
@MigrateTest
class MigrationsTest {

    @Test
    void historyIsSound(MigrationChecks checks) {
        checks.singleHead();
        checks.upgradeAll();
        checks.roundTrip();
    }

    /** Every revision upgrades, downgrades back to the same schema, and upgrades again. */
    @TestFactory
    Stream<DynamicTest> everyRevisionIsReversible(MigrationChecks checks) {
        return checks.perRevision();
    }

    @Test
    void statusMigrationMapsOldValuesAndBack(MigrationTester t) {
        t.upgrade("b1d4e6f80a23"); // just before "normalize ticket status"
        t.execute("INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada')");
        t.execute("INSERT INTO tickets (subject, status, requester_id) VALUES "
                + "('printer on fire', 'open', 1), ('VPN down', 'closed', 1), ('typo', 'opne', 1)");

        t.upgrade("+1");
        assertEquals(List.of("OPEN", "CLOSED", "OPEN"), t.query("SELECT status FROM tickets ORDER BY id"));

        t.downgrade("-1");
        assertEquals(List.of("open", "closed", "open"), t.query("SELECT status FROM tickets ORDER BY id"));
    }
}
