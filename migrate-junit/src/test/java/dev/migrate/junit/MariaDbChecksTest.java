package dev.migrate.junit;

import java.util.List;
import org.opentest4j.TestAbortedException;

/** The checks on a MariaDB server from {@code MIGRATE_TEST_MARIADB_URL}: a database per test class. */
class MariaDbChecksTest extends ChecksContract {

    private static final String URL_VARIABLE = "MIGRATE_TEST_MARIADB_URL";

    @Override
    DatabaseServer server() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return DatabaseLocator.fromUrl(url, "environment variable " + URL_VARIABLE);
        }
        String reason = "MariaDB is not available: set " + URL_VARIABLE + " (for example jdbc:mariadb://127.0.0.1:3306/test?user=root)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " (CI=true: a missing database is a failure, not a skip)");
        }
        System.err.println("[migrate tests] skipped: " + reason);
        throw new TestAbortedException(reason);
    }

    @Override
    List<String> sleep(int millis) {
        return List.of("SELECT SLEEP(" + millis / 1000.0 + ")");
    }

    @Override
    boolean lintsForMariaDb() {
        return true;
    }

    @Override
    List<String> undoSleep() {
        return List.of("SELECT 1");
    }
}
