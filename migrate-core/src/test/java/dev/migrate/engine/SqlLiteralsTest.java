package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.dialect.H2Dialect;
import dev.migrate.dialect.SqlStatement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    private final H2Dialect dialect = new H2Dialect();

    @Test
    void replacesPlaceholdersOutsideStringsIdentifiersAndComments() {
        SqlStatement statement = SqlStatement.of("UPDATE \"t?\" SET a = ?, b = '?' -- why?\n, c = ? /* ? */ WHERE d = ?",
                "x'y", null, LocalDate.of(2024, 2, 29));
        assertEquals("UPDATE \"t?\" SET a = 'x''y', b = '?' -- why?\n, c = NULL /* ? */ WHERE d = DATE '2024-02-29'",
                SqlLiterals.inline(statement, dialect));
    }

    @Test
    void countMismatchIsAnError() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> SqlLiterals.inline(SqlStatement.of("SELECT ?, ?", 1), dialect));
        assertEquals("The statement 'SELECT ?, ?' has 1 parameter(s) but a different number of '?' placeholders;"
                + " make them match.", e.getMessage());
    }

    @Test
    void bookkeepingNames() {
        assertEquals(new BookkeepingTables(null, "migrate_version", "migrate_history", "migrate_lock"),
                BookkeepingTables.of(null, null));
        assertEquals(new BookkeepingTables("app", "schema_versions", "schema_versions_history", "schema_versions_lock"),
                BookkeepingTables.of("app", "schema_versions"));
        assertEquals(new BookkeepingTables(null, "app_version", "app_history", "app_lock"), BookkeepingTables.of(" ", "app_version"));
    }
}
