#set( $symbol_pound = '#' )
#set( $symbol_dollar = '$' )
#set( $symbol_escape = '\' )
package ${package}.db;

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
 * The project's migrations, tested like code: on PostgreSQL when MIGRATE_TEST_POSTGRES_URL names a
 * server, else on an in-memory H2 database.
 */
@MigrateTest
class MigrationsTest {

    /** One head, every revision applies, and downgrading everything leaves the schema as it was. */
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

    /** A data test: rows written after a revision read back as expected. */
    @Test
    void usersTakeRows(MigrationTester t) {
        t.upgrade("head");
        t.execute("INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada')");
        assertEquals(List.of("Ada"), t.query("SELECT display_name FROM users"));
    }
}
