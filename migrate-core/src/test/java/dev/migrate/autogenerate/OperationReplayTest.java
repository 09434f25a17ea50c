package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.RecordingOperations;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replaying an index through the typed calls gives the very index back, its keys in their order:
 * the column list holds the leading columns, and a column after an expression goes through
 * {@code ix.column(...)} in its place (an index on {@code (a, lower(b), c)} is not one on
 * {@code (a, c, lower(b))}).
 */
class OperationReplayTest {

    private static List<Operation> replayed(Operation operation) {
        RecordingOperations recording = new RecordingOperations();
        OperationReplay.replay(List.of(operation), recording);
        return recording.operations();
    }

    @Test
    void aColumnAfterAnExpressionKeepsItsPlace() {
        CreateIndex mixed = new CreateIndex("ix_mixed", QualifiedName.of(null, "tickets"), List.of(IndexKey.column("tenant_id"),
                IndexKey.expression("lower(email)"), IndexKey.descending("created_at"), IndexKey.expression("upper(code)")),
                true, "\"status\" <> 'closed'", true);
        assertEquals(List.of(mixed), replayed(mixed));
    }

    @Test
    void indexesOfColumnsOnlyOrExpressionsOnlyToo() {
        CreateIndex columns = new CreateIndex("ix_columns", QualifiedName.of(null, "tickets"),
                List.of(IndexKey.column("a"), IndexKey.descending("b")), false, null, false);
        CreateIndex expressions = new CreateIndex("ix_expressions", QualifiedName.of(null, "tickets"),
                List.of(IndexKey.expression("lower(a)"), IndexKey.column("b")), false, null, false);
        assertEquals(List.of(columns), replayed(columns));
        assertEquals(List.of(expressions), replayed(expressions));
    }

    @Test
    void aSequenceAlteredKeepsEveryOptionAndLeavesTheOthersUnset() {
        AlterSequence all = AlterSequence.of("app.ticket_seq",
                s -> s.incrementBy(20).startWith(100).restartWith(7).minValue(1).maxValue(9000).cycle(true));
        AlterSequence one = AlterSequence.of(QualifiedName.of(null, "ticket_seq"), 20L, null);
        assertEquals(List.of(all), replayed(all));
        assertEquals(List.of(one), replayed(one));
    }

    @Test
    void leadingColumnsCountsUpToTheFirstExpression() {
        assertEquals(0, IndexKey.leadingColumns(List.of(IndexKey.expression("lower(a)"), IndexKey.column("b"))));
        assertEquals(2, IndexKey.leadingColumns(List.of(IndexKey.column("a"), IndexKey.column("b"),
                IndexKey.expression("lower(c)"))));
        assertEquals(1, IndexKey.leadingColumns(List.of(IndexKey.column("a"))));
    }

    @Test
    void commentChangesReplayAsTheirTypedCalls() {
        QualifiedName tickets = QualifiedName.of(null, "tickets");
        List<Operation> comments = List.of(new dev.migrate.ops.TableComment(tickets, "Support tickets"),
                new dev.migrate.ops.TableComment(tickets, null),
                new dev.migrate.ops.AlterColumn(tickets, "title", null, null, null, null, false, null, "What it's about", false),
                new dev.migrate.ops.AlterColumn(tickets, "title", null, null, false, null, false, "subject", null, true));
        for (Operation operation : comments) {
            assertEquals(List.of(operation), replayed(operation));
        }
    }
}
