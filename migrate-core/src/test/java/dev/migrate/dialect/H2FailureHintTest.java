package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.dialect.h2.H2Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import org.junit.jupiter.api.Test;

/** When H2's "not found" errors get the advice about unquoted, upper-cased names. */
class H2FailureHintTest {

    private final Dialect dialect = new H2Dialect();

    @Test
    void upperCasedNameNotFoundGetsTheUrlSetting() {
        assertEquals(H2Dialect.UNQUOTED_NAME_HINT, dialect.failureHint("42S02", 42103,
                "Table \"TICKETS\" not found (candidates are: \"tickets\"); SQL statement: INSERT INTO tickets ..."));
        assertEquals(H2Dialect.UNQUOTED_NAME_HINT, dialect.failureHint("42S02", 42104, "Table \"TICKETS\" not found (this database is empty)"));
        assertEquals(H2Dialect.UNQUOTED_NAME_HINT, dialect.failureHint("42S22", 42122, "Column \"STATUS\" not found"));
    }

    @Test
    void quotedLowerCaseNameOrOtherErrorGetsNone() {
        assertEquals("", dialect.failureHint("42S02", 42102, "Table \"fail_missing\" not found"));
        assertEquals("", dialect.failureHint("23505", 23505, "Unique index or primary key violation: \"PUBLIC.PK\""));
        assertEquals("", dialect.failureHint("42S02", 42102, null));
        assertEquals("", new PostgresDialect().failureHint("42P01", 0, "relation \"tickets\" does not exist"));
    }
}
