package dev.migrate.junit;

import dev.migrate.engine.BookkeepingTables;
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

    TestSettings {
        ignoredTables = List.copyOf(ignoredTables);
    }

    static TestSettings of(MigrateTest annotation, Class<?> testClass) {
        // migrate's own version, history and lock tables appear with the first run; they are not the schema under test.
        BookkeepingTables bookkeeping = BookkeepingTables.of(null, annotation.versionTable());
        List<String> ignored = new ArrayList<>(List.of(bookkeeping.version(), bookkeeping.history(), bookkeeping.lock(), bookkeeping.progress()));
        ignored.addAll(List.of(annotation.ignoreTables()));
        return new TestSettings(annotation.versionTable(), ignored, testClass.getClassLoader());
    }
}
