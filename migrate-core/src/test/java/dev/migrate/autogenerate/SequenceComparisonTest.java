package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the comparator and the plan treat a sequence whose start value or increment changed, without a database. */
class SequenceComparisonTest {

    private static SchemaSnapshot sequences(SequenceSnapshot... sequences) {
        return new SchemaSnapshot(List.of(), List.of(sequences));
    }

    private static List<Change> compare(SchemaSnapshot database, SchemaSnapshot model, Operation... modelOperations) {
        return SchemaComparator.compare(database, model, new ModelOperations(List.of(modelOperations)),
                AutogenerateOptions.defaults(), List.of());
    }

    private static AutogenerateResult plan(List<Change> changes) {
        return ChangePlan.of(changes, new PostgresDialect(), true);
    }

    @Test
    void aChangedIncrementAndStartAreOneAlterAndItsReverse() {
        List<Change> changes = compare(sequences(new SequenceSnapshot("TICKET_SEQ", 1, 50)),
                sequences(new SequenceSnapshot("ticket_seq", 100, 20)),
                CreateSequence.of("ticket_seq", s -> s.startWith(100).incrementBy(20)));
        assertEquals(List.of(new Change.SequenceChanged(new SequenceSnapshot("TICKET_SEQ", 1, 50),
                new SequenceSnapshot("TICKET_SEQ", 100, 20))), changes);
        assertEquals("~ sequence TICKET_SEQ increment 50 -> 20 start 1 -> 100", changes.get(0).describe());
        AutogenerateResult result = plan(changes);
        QualifiedName name = QualifiedName.of(null, "TICKET_SEQ");
        assertEquals(List.of(AlterSequence.of(name, 20L, 100L)), result.upgrade());
        assertEquals(List.of(AlterSequence.of(name, 50L, 1L)), result.downgrade());
    }

    @Test
    void onlyWhatDiffersIsAltered() {
        AutogenerateResult start = plan(compare(sequences(new SequenceSnapshot("s", 1, 50)),
                sequences(new SequenceSnapshot("s", 7, 50))));
        assertEquals(List.of(AlterSequence.of(QualifiedName.of(null, "s"), null, 7L)), start.upgrade());
        assertEquals(List.of(AlterSequence.of(QualifiedName.of(null, "s"), null, 1L)), start.downgrade());
        assertEquals(List.of(), start.notes());
        AutogenerateResult larger = plan(compare(sequences(new SequenceSnapshot("s", 1, 20)),
                sequences(new SequenceSnapshot("s", 1, 50))));
        assertEquals(List.of(AlterSequence.of(QualifiedName.of(null, "s"), 50L, null)), larger.upgrade());
        assertEquals(List.of(), larger.notes(), "a larger step hands out blocks that never overlap the old ones");
    }

    @Test
    void aSmallerStepAsksToStopInstancesWithTheOldAllocationSize() {
        AutogenerateResult result = plan(compare(sequences(new SequenceSnapshot("s", 1, 50)),
                sequences(new SequenceSnapshot("s", 1, 20))));
        assertEquals(1, result.notes().size());
        assertEquals("sequence s steps by 20 instead of 50: an application still running with the old allocationSize "
                + "takes blocks of 50 ids that overlap the new blocks; stop those instances before this upgrade runs.",
                result.notes().get(0).text());
    }

    @Test
    void equalSequencesAndSystemSequencesAreNoChange() {
        assertEquals(List.of(), compare(sequences(new SequenceSnapshot("s", 1, 50)), sequences(new SequenceSnapshot("S", 1, 50))));
        assertEquals(List.of(), compare(sequences(new SequenceSnapshot("SYSTEM_SEQUENCE_AB12", 1, 1)),
                sequences(new SequenceSnapshot("SYSTEM_SEQUENCE_AB12", 5, 1))));
    }

    @Test
    void aDroppedSequenceComesBackWithItsStartAndIncrement() {
        List<Change> changes = SchemaComparator.compare(sequences(new SequenceSnapshot("old_seq", 5, 50)), sequences(),
                new ModelOperations(List.of()), new AutogenerateOptions(List.of(), true), List.of());
        AutogenerateResult result = plan(changes);
        assertEquals(List.of(new CreateSequence(QualifiedName.of(null, "old_seq"), 5L, 50L)), result.downgrade());
        assertEquals("dropping sequence old_seq loses its current value; the downgrade recreates it from 5.",
                result.notes().get(0).text());
    }

    @Test
    void anAddedSequenceIsNotAlsoAChange() {
        List<Change> changes = compare(sequences(), sequences(new SequenceSnapshot("s", 100, 20)),
                CreateSequence.of("s", s -> s.startWith(100).incrementBy(20)));
        assertEquals(List.of("+ sequence s"), changes.stream().map(Change::describe).toList());
    }
}
