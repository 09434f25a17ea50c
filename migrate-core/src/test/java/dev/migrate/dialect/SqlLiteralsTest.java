package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.dialect.h2.H2Dialect;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    private final H2Dialect dialect = new H2Dialect();

    @Test
    void replacesPlaceholdersOutsideStringsIdentifiersAndComments() {
        SqlStatement statement = SqlStatement.of("UPDATE \"t?\" SET a = ?, b = '?' -- why?\n, c = ? /* ? */ WHERE d = ?",
                "x'y", null, LocalDate.of(2024, 2, 29));
        assertEquals("UPDATE \"t?\" SET a = 'x''y', b = '?' -- why?\n, c = NULL /* ? */ WHERE d = DATE '2024-02-29'",
                dialect.inline(statement));
    }

    @Test
    void countMismatchIsAnError() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> dialect.inline(SqlStatement.of("SELECT ?, ?", 1)));
        assertEquals("The statement 'SELECT ?, ?' has 1 parameter(s) but a different number of '?' placeholders;"
                + " make them match.", e.getMessage());
    }
}
