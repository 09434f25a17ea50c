package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.TableComment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table and column comments as the comparator sees them (no database: two snapshots), and the
 * operations the plan makes of their changes: the upgrade sets the model's comment, the downgrade
 * restores the database's.
 */
class CommentComparisonTest {

    private static SchemaSnapshot schema(String tableComment, String titleComment) {
        return new SchemaSnapshot(List.of(new TableSnapshot("tickets", List.of(
                new ColumnSnapshot("id", "bigint", false, null),
                new ColumnSnapshot("title", "text", true, null, titleComment)), List.of(), List.of(), tableComment)), List.of());
    }

    private static List<Change> compare(SchemaSnapshot database, SchemaSnapshot model) {
        return SchemaComparator.compare(database, model, new ModelOperations(List.of()), AutogenerateOptions.defaults(), List.of());
    }

    private static final QualifiedName TICKETS = QualifiedName.of(null, "tickets");

    @Test
    void anEmptyCommentIsNoComment() {
        assertEquals(List.of(), compare(schema("", ""), schema(null, null)));
        assertEquals(List.of(), compare(schema(null, null), schema("", "")));
        assertEquals(null, new TableSnapshot("t", List.of(), List.of(), List.of(), "").comment());
        assertEquals(null, new ColumnSnapshot("c", "text", true, null, "").comment());
    }

    @Test
    void theSameCommentsAreNoChange() {
        assertEquals(List.of(), compare(schema("Tickets", "What it's about"), schema("Tickets", "What it's about")));
    }

    @Test
    void commentsAddedChangedAndRemoved() {
        List<Change> changes = compare(schema(null, "old"), schema("Support's tickets", null));
        assertEquals(List.of(new Change.TableCommentChanged("tickets", null, "Support's tickets"),
                new Change.ColumnCommentChanged("tickets", "title", "old", null)), changes);
        assertEquals(List.of("~ comment of table tickets: none -> 'Support''s tickets'",
                "~ comment of tickets.title: 'old' -> none"), changes.stream().map(Change::describe).toList());

        AutogenerateResult plan = ChangePlan.of(changes, new PostgresDialect(), true);
        assertEquals(List.of(new TableComment(TICKETS, "Support's tickets"),
                new AlterColumn(TICKETS, "title", null, null, null, null, false, null, null, true)), plan.upgrade());
        assertEquals(List.of(new AlterColumn(TICKETS, "title", null, null, null, null, false, null, "old", false),
                new TableComment(TICKETS, null)), plan.downgrade());
        assertEquals(List.of(), plan.notes());
    }

    @Test
    void aChangedCommentRestoresTheOldOneOnDowngrade() {
        AutogenerateResult plan = ChangePlan.of(compare(schema("Old", "old"), schema("New", "new")),
                new PostgresDialect(), false);
        assertEquals(List.of(new TableComment(TICKETS, "New"),
                new AlterColumn(TICKETS, "title", null, null, null, null, false, null, "new", false)), plan.upgrade());
        assertEquals(List.of(new AlterColumn(TICKETS, "title", null, null, null, null, false, null, "old", false),
                new TableComment(TICKETS, "Old")), plan.downgrade());
    }

    /** A dropped column or table comes back with its comment, so the downgrade leaves the schema as it was. */
    @Test
    void whatADowngradeRecreatesKeepsItsComment() {
        TableSnapshot table = schema("Tickets", "What it's about").tables().get(0);
        assertEquals("Tickets", SnapshotOperations.createTable(table).comment());
        assertEquals("What it's about", SnapshotOperations.column(table.columns().get(1)).comment());
    }
}
