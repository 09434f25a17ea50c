package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.migrate.dialect.SqlStatement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden checksums: every user's history table holds these values, so a change to rendering or
 * to the canonical text must show up here (and bump {@link Checksums#VERSION}).
 */
class ChecksumsTest {

    private static final List<SqlStatement> TICKET = List.of(
            SqlStatement.of("CREATE TABLE \"ticket\" (\"id\" BIGINT PRIMARY KEY, \"title\" VARCHAR(200) NOT NULL)"),
            new SqlStatement("INSERT INTO \"ticket\" VALUES (?, ?)", Arrays.asList(1L, null), false),
            SqlStatement.outsideTransaction("CREATE INDEX CONCURRENTLY \"ticket_title\" ON \"ticket\" (\"title\")"));

    @Test
    void canonicalText() {
        assertEquals("T CREATE TABLE \"ticket\" (\"id\" BIGINT PRIMARY KEY, \"title\" VARCHAR(200) NOT NULL)\n"
                + "T INSERT INTO \"ticket\" VALUES (?, ?)\nP Long:1\nP null\n"
                + "A CREATE INDEX CONCURRENTLY \"ticket_title\" ON \"ticket\" (\"title\")\n", Checksums.canonical(TICKET));
    }

    @Test
    void goldenValues() {
        // Computed independently: python3 hashlib.sha256 of the canonical text.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Checksums.of(List.of()));
        assertEquals("b445731830fd2e101d54e8247804a909422dc45380c3bb8d67a6bc870db46a73", Checksums.of(TICKET));
        assertEquals("26681eb146c34580718c1e8faec5fa137da2ea73e6a6ea2b7e42d2f8a70d287b", Checksums.of(List.of(SqlStatement.of("UPDATE t SET b = ?", (Object) new byte[] {1, -1}))));
    }

    @Test
    void whitespaceDoesNotCountButValuesAndTypesDo() {
        assertEquals(Checksums.of(List.of(SqlStatement.of("SELECT 1  FROM\n\tt"))), Checksums.of(List.of(SqlStatement.of(" SELECT 1 FROM t "))));
        assertNotEquals(Checksums.of(List.of(SqlStatement.of("SELECT ?", 1))), Checksums.of(List.of(SqlStatement.of("SELECT ?", 1L))));
        assertNotEquals(Checksums.of(List.of(SqlStatement.of("SELECT ?", "a"))), Checksums.of(List.of(SqlStatement.of("SELECT ?", "b"))));
        assertNotEquals(Checksums.of(List.of(SqlStatement.of("CREATE INDEX i ON t (c)"))),
                Checksums.of(List.of(SqlStatement.outsideTransaction("CREATE INDEX i ON t (c)"))));
    }
}
