package dev.migrate.junit;

import org.opentest4j.TestAbortedException;

/**
 * The PostgreSQL server of this module's own tests, from {@code MIGRATE_TEST_POSTGRES_URL}; without
 * it a test is skipped with the reason, and fails under {@code CI=true}, so a missing database can
 * never turn CI green.
 */
final class PostgresServers {

    private PostgresServers() {
    }

    static DatabaseServer.Postgres require() {
        String url = System.getenv(DatabaseLocator.URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new DatabaseServer.Postgres(url, null, null);
        }
        String reason = "PostgreSQL is not available: set " + DatabaseLocator.URL_VARIABLE
                + " (for example jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " (CI=true: a missing database is a failure, not a skip)");
        }
        // Surefire counts an aborted class as zero tests without saying why: say it in the build log.
        System.err.println("[migrate tests] skipped: " + reason);
        throw new TestAbortedException(reason);
    }
}
