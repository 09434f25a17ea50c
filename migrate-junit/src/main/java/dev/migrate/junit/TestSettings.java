package dev.migrate.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code @MigrateTest} configures besides the database.
 *
 * @param versionTable  the version table name
 * @param ignoredTables tables schema comparisons leave out: migrate's own bookkeeping and the user's list
 * @param classLoader   the test class's loader, for revision classes and JDBC drivers
 */
record TestSettings(String versionTable, List<String> ignoredTables, ClassLoader classLoader) {

    // The engine's append-only history table; its rows grow with every run, its existence is bookkeeping.
    static final String HISTORY_TABLE = "migrate_history";

    TestSettings {
        ignoredTables = List.copyOf(ignoredTables);
    }

    static TestSettings of(MigrateTest annotation, Class<?> testClass) {
        List<String> ignored = new ArrayList<>(List.of(annotation.versionTable(), HISTORY_TABLE));
        ignored.addAll(List.of(annotation.ignoreTables()));
        return new TestSettings(annotation.versionTable(), ignored, testClass.getClassLoader());
    }
}
