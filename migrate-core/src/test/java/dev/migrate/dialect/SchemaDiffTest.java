package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.dialect.ConstraintSnapshot.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static final ColumnSnapshot ID = new ColumnSnapshot("id", "bigint", false, null);
    private static final ColumnSnapshot STATUS = new ColumnSnapshot("status", "character varying(20)", false, "'open'");
    private static final ConstraintSnapshot PK = new ConstraintSnapshot(Kind.PRIMARY_KEY, "tickets_pkey", "PRIMARY KEY (id)");

    private static SchemaSnapshot schema(TableSnapshot... tables) {
        return new SchemaSnapshot(List.of(tables), List.of());
    }

    private static TableSnapshot tickets(List<ColumnSnapshot> columns, List<IndexSnapshot> indexes, List<ConstraintSnapshot> constraints) {
        return new TableSnapshot("tickets", columns, indexes, constraints);
    }

    @Test
    void equalSnapshotsHaveAnEmptyDiff() {
        SchemaSnapshot a = schema(tickets(List.of(ID, STATUS), List.of(), List.of(PK)));
        SchemaSnapshot b = schema(tickets(List.of(ID, STATUS), List.of(), List.of(PK)));
        assertEquals(a, b);
        assertTrue(a.diff(b).isEmpty());
        assertEquals("", a.diff(b).toString());
    }

    @Test
    void namesAddedRemovedAndChangedItems() {
        SchemaSnapshot before = schema(tickets(List.of(ID, STATUS), List.of(), List.of(PK)),
                new TableSnapshot("audit", List.of(ID), List.of(), List.of()));
        SchemaSnapshot after = new SchemaSnapshot(List.of(tickets(
                List.of(ID, new ColumnSnapshot("status", "text", true, null), new ColumnSnapshot("priority", "integer", true, null)),
                List.of(new IndexSnapshot("ix_status", List.of("status"), true, "status <> 'x'")),
                List.of(new ConstraintSnapshot(Kind.CHECK, null, "CHECK (priority > 0)"), PK))), List.of(new SequenceSnapshot("ticket_seq", 1, 1)));
        assertEquals(List.of(
                "- table audit (id)",
                "~ column tickets.status character varying(20) NOT NULL DEFAULT 'open' -> status text",
                "+ column tickets.priority integer",
                "+ index tickets.ix_status (status) UNIQUE WHERE status <> 'x'",
                "+ constraint tickets.(unnamed) CHECK (priority > 0)",
                "+ sequence ticket_seq"), before.diff(after).lines());
    }

    @Test
    void namesASequenceWhoseStartOrIncrementChanged() {
        SchemaSnapshot before = new SchemaSnapshot(List.of(), List.of(new SequenceSnapshot("a_seq", 1, 50),
                new SequenceSnapshot("b_seq", 1, 1), new SequenceSnapshot("old_seq", 1, 1)));
        SchemaSnapshot after = new SchemaSnapshot(List.of(), List.of(new SequenceSnapshot("b_seq", 1, 1),
                new SequenceSnapshot("a_seq", 100, 20)));
        assertEquals(List.of("~ sequence a_seq start 1 increment 50 -> a_seq start 100 increment 20", "- sequence old_seq"),
                before.diff(after).lines());
        assertEquals(List.of("a_seq", "b_seq"), after.sequenceNames());
        assertEquals(new SequenceSnapshot("a_seq", 100, 20), after.sequence("A_SEQ").orElseThrow());
    }

    @Test
    void namesAColumnOrderChange() {
        SchemaSnapshot before = schema(tickets(List.of(ID, STATUS), List.of(), List.of()));
        SchemaSnapshot after = schema(tickets(List.of(STATUS, ID), List.of(), List.of()));
        assertEquals(List.of("~ column order of tickets: id, status -> status, id"), before.diff(after).lines());
    }

    @Test
    void withoutTablesIgnoresCase() {
        SchemaSnapshot snapshot = schema(tickets(List.of(ID), List.of(), List.of()),
                new TableSnapshot("MIGRATE_VERSION", List.of(ID), List.of(), List.of()));
        assertEquals(List.of("tickets"), snapshot.withoutTables(List.of("migrate_version")).tableNames());
    }

    @Test
    void unsupportedUrlListsTheSupportedOnes() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> SchemaIntrospector.forUrl("jdbc:sqlserver://db/app?password=secret"));
        assertTrue(e.getMessage().startsWith("Cannot read the schema of 'jdbc:sqlserver://db/app?password=***': migrate"
                + " has no dialect for jdbc:sqlserver: databases. Supported URLs start with jdbc:postgresql:, jdbc:h2:"),
                e.getMessage());
    }

    @Test
    void namesChangedComments() {
        SchemaSnapshot before = schema(new TableSnapshot("tickets", List.of(ID, STATUS), List.of(), List.of(PK), "Tickets"));
        SchemaSnapshot after = schema(new TableSnapshot("tickets", List.of(ID,
                new ColumnSnapshot("status", "character varying(20)", false, "'open'", "it's open")), List.of(), List.of(PK)));
        assertEquals(List.of("~ comment of table tickets: 'Tickets' -> none",
                "~ column tickets.status character varying(20) NOT NULL DEFAULT 'open' -> status character varying(20)"
                        + " NOT NULL DEFAULT 'open' COMMENT 'it''s open'"), before.diff(after).lines());
    }
}
