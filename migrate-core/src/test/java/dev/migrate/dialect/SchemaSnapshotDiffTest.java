package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The readable diff, on hand-built snapshots (no database). */
class SchemaSnapshotDiffTest {

    private static TableSnapshot table(String name, List<ColumnSnapshot> columns, List<ConstraintSnapshot> constraints,
            List<IndexSnapshot> indexes) {
        Map<String, ColumnSnapshot> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        Map<String, ConstraintSnapshot> constraintsByName = new LinkedHashMap<>();
        constraints.forEach(c -> constraintsByName.put(c.name(), c));
        Map<String, IndexSnapshot> indexesByName = new LinkedHashMap<>();
        indexes.forEach(i -> indexesByName.put(i.name(), i));
        return new TableSnapshot(name, byName, constraintsByName, indexesByName);
    }

    private static SchemaSnapshot schema(TableSnapshot... tables) {
        Map<String, TableSnapshot> byName = new LinkedHashMap<>();
        for (TableSnapshot table : tables) {
            byName.put(table.name(), table);
        }
        return new SchemaSnapshot("app", byName);
    }

    private final ColumnSnapshot id = new ColumnSnapshot("id", "int8", false, null, true);
    private final ColumnSnapshot title = new ColumnSnapshot("title", "varchar(200)", false, null, false);

    @Test
    void equalSnapshotsHaveNoDiff() {
        SchemaSnapshot a = schema(table("t", List.of(id, title), List.of(), List.of()));
        SchemaSnapshot b = schema(table("t", List.of(id, title), List.of(), List.of()));
        assertEquals(a, b);
        assertEquals(List.of(), a.diff(b));
    }

    @Test
    void everyKindOfChangeIsOneLine() {
        SchemaSnapshot before = schema(
                table("t", List.of(id, title), List.of(new ConstraintSnapshot("t_pkey", "PRIMARY KEY", "(id)")),
                        List.of(new IndexSnapshot("ix_t_title", false, List.of("title")))),
                table("old", List.of(id), List.of(), List.of()));
        SchemaSnapshot after = schema(
                table("t", List.of(id, new ColumnSnapshot("title", "text", true, "'x'", false),
                        new ColumnSnapshot("note", "text", true, null, false)), List.of(),
                        List.of(new IndexSnapshot("ix_t_title", true, List.of("title")))),
                table("new", List.of(id), List.of(), List.of()));
        assertEquals(List.of(
                "- table old",
                "~ column t.title: varchar(200) NOT NULL -> text DEFAULT 'x'",
                "+ column t.note text",
                "- constraint t.t_pkey PRIMARY KEY (id)",
                "~ index t.ix_t_title: (title) -> UNIQUE (title)",
                "+ table new"), before.diff(after));
    }

    @Test
    void columnOrderDoesNotCount() {
        SchemaSnapshot a = schema(table("t", List.of(id, title), List.of(), List.of()));
        SchemaSnapshot b = schema(table("t", List.of(title, id), List.of(), List.of()));
        assertEquals(a, b);
        assertEquals(List.of(), a.diff(b));
        assertNotEquals(a, schema(table("t", List.of(id), List.of(), List.of())));
    }
}
