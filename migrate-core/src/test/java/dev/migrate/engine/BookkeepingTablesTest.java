package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BookkeepingTablesTest {

    @Test
    void bookkeepingNames() {
        assertEquals(new BookkeepingTables(null, "migrate_version", "migrate_history", "migrate_lock"),
                BookkeepingTables.of(null, null));
        assertEquals(new BookkeepingTables("app", "schema_versions", "schema_versions_history", "schema_versions_lock"),
                BookkeepingTables.of("app", "schema_versions"));
        assertEquals(new BookkeepingTables(null, "app_version", "app_history", "app_lock"), BookkeepingTables.of(" ", "app_version"));
    }
}
