package dev.migrate.junit;

/**
 * The server test databases come from, and why it was chosen.
 *
 * @param server the server
 * @param origin the setting that chose it, for the report, e.g. {@code environment variable MIGRATE_TEST_POSTGRES_URL}
 */
record LocatedServer(DatabaseServer server, String origin) {

    /** One line for the test report: which database, from which setting. */
    String describe() {
        return server + " (from " + origin + ")";
    }
}
