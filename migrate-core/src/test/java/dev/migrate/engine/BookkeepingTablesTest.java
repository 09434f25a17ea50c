package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;

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

    @Test
    void oddVersionTableNamesAreRejectedNamingTheSetting() {
        MigrateException semicolon = assertThrows(MigrateException.class, () -> BookkeepingTables.of(null, "a b;drop"));
        assertEquals("migrate.versionTable is 'a b;drop', which is not a plain name: use letters, digits and"
                + " underscores, starting with a letter or underscore, e.g. -Dmigrate.versionTable=billing_version.",
                semicolon.getMessage());
        MigrateException quote = assertThrows(MigrateException.class, () -> BookkeepingTables.of(null, "a\"b"));
        assertTrue(quote.getMessage().startsWith("migrate.versionTable is 'a\"b', which is not a plain name"));
        MigrateException dotted = assertThrows(MigrateException.class, () -> BookkeepingTables.of(null, "app.migrate_version"));
        assertEquals("migrate.versionTable is 'app.migrate_version', which contains a dot. Give the schema in"
                + " migrate.schema and the bare table name in migrate.versionTable.", dotted.getMessage());
        MigrateException tooLong = assertThrows(MigrateException.class, () -> BookkeepingTables.of(null, "v".repeat(60)));
        assertTrue(tooLong.getMessage().endsWith(", more than the 63 PostgreSQL keeps. Choose a shorter name."),
                tooLong.getMessage());
    }

    @Test
    void oddSchemaNamesAreRejectedNamingTheSetting() {
        MigrateException e = assertThrows(MigrateException.class, () -> BookkeepingTables.of("app; drop", null));
        assertEquals("migrate.schema is 'app; drop', which is not a plain name: use letters, digits and underscores,"
                + " starting with a letter or underscore, e.g. -Dmigrate.schema=app.", e.getMessage());
    }
}
