package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Alembic's stamp: which rows are deleted and inserted, case by case. */
class StampTest {

    private static VersionChange change(List<String> removed, List<String> added) {
        return new VersionChange(removed, added);
    }

    private final RevisionGraph linear = graph("a", "b <- a", "c <- b", "d <- c", "e <- d");

    /** a <- b, c1 (c1branch) <- d1 and c2 (c2branch) <- d2 from b. */
    private final RevisionGraph branched = graph("a", "b <- a", "c1 <- b label=c1branch", "d1 <- c1",
            "c2 <- b label=c2branch", "d2 <- c2");

    /** branched, merged by e, then f. */
    private final RevisionGraph merged = graph("a", "b <- a", "c1 <- b", "d1 <- c1", "c2 <- b label=c2branch",
            "d2 <- c2", "e <- d1,d2", "f <- e");

    @Test
    void stampLinear() {
        assertEquals(change(List.of("d"), List.of()), linear.stamp(List.of("d"), List.of("base"), false));
        assertEquals(change(List.of(), List.of("c")), linear.stamp(List.of(), List.of("c"), false));
        assertEquals(change(List.of("b"), List.of("e")), linear.stamp(List.of("b"), List.of("head"), false));
        assertEquals(change(List.of("e"), List.of("b")), linear.stamp(List.of("e"), List.of("b"), false));
        assertEquals(change(List.of(), List.of()), linear.stamp(List.of("e"), List.of("heads"), false));
    }

    @Test
    void stampDownAcrossBranchesToTheBranchPoint() {
        assertEquals(change(List.of("d1", "c2"), List.of("b")),
                branched.stamp(List.of("d1", "c2"), List.of("b"), false));
    }

    @Test
    void stampLabelledBaseDeletesOnlyThatBranch() {
        assertEquals(change(List.of("d1"), List.of()),
                branched.stamp(List.of("d1", "c2"), List.of("c1branch@base"), false));
    }

    @Test
    void stampLabelledHeadMovesOnlyThatBranch() {
        assertEquals(change(List.of("c2"), List.of("d2")),
                branched.stamp(List.of("d1", "c2"), List.of("c2branch@head"), false));
    }

    @Test
    void stampAcrossMergePoints() {
        assertEquals(change(List.of("e"), List.of("c2")), merged.stamp(List.of("e"), List.of("c2"), false));
        assertEquals(change(List.of("e"), List.of("a")), merged.stamp(List.of("e"), List.of("a"), false));
        assertEquals(change(List.of("c2"), List.of("e")), merged.stamp(List.of("c2"), List.of("e"), false));
        assertEquals(change(List.of("d1", "c2"), List.of("f")),
                merged.stamp(List.of("d1", "c2"), List.of("c2branch@head"), false));
        assertEquals(change(List.of("d1", "c2"), List.of("e")),
                merged.stamp(List.of("d1", "c2"), List.of("e"), false));
        assertEquals(change(List.of("b"), List.of("e")), merged.stamp(List.of("b"), List.of("e"), false));
    }

    @Test
    void stampAcrossADependency() {
        RevisionGraph graph = graph("a1 label=lib1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2",
                "c2 <- b2 depends=c1", "d1 <- c1", "e1 <- d1", "f1 <- e1");
        assertEquals(change(List.of("e1", "c2"), List.of("b1")), graph.stamp(List.of("e1", "c2"), List.of("b1"), false));
    }

    @Test
    void stampHeadsOfAForest() {
        RevisionGraph forest = graph("a1", "b1 <- a1", "a2", "b2 <- a2");
        assertEquals(change(List.of(), List.of("b1", "b2")), forest.stamp(List.of(), List.of("heads"), false));
        assertEquals(change(List.of(), List.of()), forest.stamp(List.of("b1", "b2"), List.of("heads"), false));
    }

    @Test
    void stampSeveralTargetsOnDifferentBranches() {
        assertEquals(change(List.of("b"), List.of("d1", "c2")),
                branched.stamp(List.of("b"), List.of("d1", "c2"), false));
    }

    @Test
    void stampRevisionOnAnUnrelatedLineAddsARow() {
        RevisionGraph forest = graph("a1", "b1 <- a1", "a2", "b2 <- a2");
        assertEquals(change(List.of(), List.of("a2")), forest.stamp(List.of("b1"), List.of("a2"), false));
    }

    @Test
    void purgeEmptiesTheTableFirst() {
        assertEquals(change(List.of("d1", "d2"), List.of("c1")),
                branched.stamp(List.of("d1", "d2"), List.of("c1"), true));
        assertEquals(change(List.of("gone"), List.of("b")), branched.stamp(List.of("gone"), List.of("b"), true));
    }

    @Test
    void stampErrors() {
        assertEquals("Stamp needs at least one target (migrate.target), for example heads or base.",
                assertThrows(TargetException.class, () -> linear.stamp(List.of(), List.of(), false)).getMessage());
        assertEquals("Target 'head' is ambiguous: there are 2 heads (d1, d2). Use 'heads' for all of them,"
                + " 'label@head' for one branch, a revision id, or run 'mvn migrate:merge' to join them into one head.",
                assertThrows(TargetException.class, () -> branched.stamp(List.of(), List.of("head"), false)).getMessage());
    }

    @Test
    void relativeStampCountsFromTheScriptHeadsOfAnEmptyTable() {
        assertEquals(change(List.of(), List.of("d")), linear.stamp(List.of(), List.of("-1"), false));
        assertEquals(change(List.of("b"), List.of("d")), linear.stamp(List.of("b"), List.of("-1"), true));
        assertEquals(change(List.of(), List.of()), linear.stamp(List.of(), List.of("-5"), false));
        assertEquals(change(List.of(), List.of("c1")), branched.stamp(List.of(), List.of("c1branch@-1"), false));
        assertEquals("Target '-6' goes below base; use a smaller number.",
                assertThrows(TargetException.class, () -> linear.stamp(List.of(), List.of("-6"), false)).getMessage());
    }

    @Test
    void relativeStampAgainstRowsIsAnError() {
        // Alembic cannot match a relative target against the rows ("No such revision or branch '-1'").
        assertEquals("Stamp target '-1' is relative, but stamp does not move relative to the version table's rows"
                + " (b). Give a revision id, head, heads, label@head or base; or add migrate.purge=true to count from"
                + " the heads of an emptied table.",
                assertThrows(TargetException.class, () -> linear.stamp(List.of("b"), List.of("-1"), false)).getMessage());
        assertThrows(TargetException.class, () -> branched.stamp(List.of("d1", "d2"), List.of("c1branch@-1"), false));
        assertThrows(TargetException.class, () -> linear.stamp(List.of(), List.of("+1"), false));
        assertThrows(TargetException.class, () -> linear.stamp(List.of(), List.of("c-1"), false));
    }

    /** Alembic's StampMultipleHeadsTest: a <- b <- c, with d <- e and f also from b. */
    private final RevisionGraph multiHeads = graph("a", "b <- a", "c <- b", "d <- b", "e <- d", "f <- b");

    @Test
    void stampHeadsOfSeveralBranches() {
        assertEquals(change(List.of(), List.of("c", "e", "f")), multiHeads.stamp(List.of(), List.of("heads"), false));
    }

    @Test
    void stampSeveralRevisionsIntoAnEmptyTable() {
        // Alembic's "nonsensical" case: a is below e and f, and still gets its own row.
        assertEquals(change(List.of(), List.of("a", "e", "f")),
                multiHeads.stamp(List.of(), List.of("a", "e", "f"), false));
    }

    @Test
    void stampSeveralRevisionsAboveTheRow() {
        assertEquals(change(List.of("a"), List.of("e", "f")), multiHeads.stamp(List.of("a"), List.of("e", "f"), false));
    }

    @Test
    void stampWhatIsAlreadyThere() {
        assertEquals(change(List.of(), List.of()), multiHeads.stamp(List.of("c", "e"), List.of("c", "e"), false));
    }

    @Test
    void stampWithPurgeIgnoresAnUnknownRow() {
        assertEquals(change(List.of("fake"), List.of("a", "e", "f")),
                multiHeads.stamp(List.of("fake"), List.of("a", "e", "f"), true));
    }

    @Test
    void stampHeadOfOneRootInAForest() {
        RevisionGraph roots = graph("a1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2");
        assertEquals(change(List.of(), List.of("c1", "c2")), roots.stamp(List.of(), List.of("heads"), false));
        assertEquals(change(List.of(), List.of("c1")), roots.stamp(List.of(), List.of("c1@head"), false));
    }

    @Test
    void stampARevisionOnAnotherBranchAddsARow() {
        assertEquals(change(List.of(), List.of("c2")), branched.stamp(List.of("d1"), List.of("c2"), false));
        assertEquals(change(List.of("d1"), List.of("c1")), branched.stamp(List.of("d1", "c2"), List.of("c1"), false));
    }

    @Test
    void stampOneTargetPerBranchBelowTheRows() {
        // Alembic replaces both rows by c1 and then fails to delete d1 again for c2; each branch gets its target here.
        assertEquals(change(List.of("d1", "d2"), List.of("c1", "c2")),
                branched.stamp(List.of("d1", "d2"), List.of("c1", "c2"), false));
    }

    @Test
    void stampBaseTogetherWithARevisionOnlyCountsTheRevision() {
        // Alembic: base among other targets only widens the rows considered; every row on it goes.
        assertEquals(change(List.of("d1", "c2"), List.of("b")),
                branched.stamp(List.of("d1", "c2"), List.of("base", "b"), false));
    }
}
