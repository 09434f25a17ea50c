package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Where a new revision goes and what a merge joins.
 * <pre>
 *     a <- b <- c                (the main line)
 *          b <- r1 (reporting) <- r2
 * </pre>
 */
class RevisionPlacementTest {

    private final RevisionPlacement linear = RevisionPlacement.in(graph("a", "b <- a", "c <- b"));
    private final RevisionPlacement branched = RevisionPlacement.in(
            graph("a", "b <- a", "c <- b", "r1 <- b label=reporting", "r2 <- r1"));

    private static String error(Executable action) {
        return assertThrows(MigrateException.class, action).getMessage();
    }

    @Test
    void aNewRevisionRevisesTheOneHead() {
        assertEquals(List.of("c"), linear.parents("head", false));
        assertEquals(List.of("c"), linear.parents(null, false));
        assertEquals(List.of("c"), linear.parents("  ", false));
        assertEquals(List.of("c"), linear.parents("c", false));
    }

    @Test
    void baseStartsANewIndependentBase() {
        assertEquals(List.of(), linear.parents("base", false));
    }

    @Test
    void theFirstRevisionIsABase() {
        assertEquals(List.of(), RevisionPlacement.noRevisionsYet().parents("head", false));
        assertEquals(List.of(), RevisionPlacement.noRevisionsYet().dependencies(List.of()));
    }

    @Test
    void severalHeadsNeedAChoice() {
        assertEquals("The code has 2 heads (c, r2). Choose the parent with -Dmigrate.head=<id or label@head>, or join"
                + " them first with migrate:merge.", error(() -> branched.parents("head", false)));
    }

    @Test
    void labelAtHeadIsThatBranchsHead() {
        assertEquals(List.of("r2"), branched.parents("reporting@head", false));
        assertEquals(List.of("c"), branched.parents("c@head", false));
    }

    @Test
    void labelAtHeadWithSeveralHeadsAboveIsAnError() {
        // From b, both the main line and the reporting branch go up.
        assertEquals("migrate.head is b@head but the branch has 2 heads (c, r2). Name one of them by id.",
                error(() -> branched.parents("b@head", false)));
    }

    @Test
    void revisingARevisionThatIsNoHeadNeedsSplice() {
        assertEquals("migrate.head is b, which is not a head: revising it starts a new branch. Add"
                + " -Dmigrate.splice=true if that is what you want.", error(() -> linear.parents("b", false)));
        assertEquals(List.of("b"), linear.parents("b", true));
    }

    @Test
    void anUnknownParentIsNamed() {
        String message = error(() -> linear.parents("zzz", false));
        assertEquals(true, message.contains("zzz"), message);
    }

    @Test
    void dependsOnKeepsLabelsAndCompletesIds() {
        assertEquals(List.of("reporting", "c"), branched.dependencies(List.of("reporting", "c")));
    }

    @Test
    void dependsOnWithoutRevisionsIsAnError() {
        assertEquals("migrate.dependsOn names reporting but there are no revisions yet. Compile first, or drop"
                + " migrate.dependsOn.", error(() -> RevisionPlacement.noRevisionsYet().dependencies(List.of("reporting"))));
    }

    @Test
    void branchLabelsFollowTheIdRule() {
        assertEquals(List.of(), RevisionPlacement.branchLabels(null));
        assertEquals(List.of(), RevisionPlacement.branchLabels(" "));
        assertEquals(List.of("reporting"), RevisionPlacement.branchLabels(" reporting "));
        assertEquals(true, error(() -> RevisionPlacement.branchLabels("bad@label"))
                .startsWith("migrate.branchLabel is 'bad@label', which is not a valid branch label: "));
    }

    @Test
    void aMergeJoinsEveryHead() {
        assertEquals(List.of("c", "r2"), branched.mergeParents(List.of()));
        assertEquals(List.of("c", "r2"), branched.mergeParents(List.of("heads")));
    }

    @Test
    void aMergeJoinsTheNamedRevisionsOnce() {
        assertEquals(List.of("r2", "c"), branched.mergeParents(List.of("r2", "c", "c")));
    }

    @Test
    void nothingToMerge() {
        assertEquals("Nothing to merge: the code has a single head (c).", error(() -> linear.mergeParents(List.of())));
        assertEquals("Nothing to merge: migrate.target names only c; give two or more revisions.",
                error(() -> branched.mergeParents(List.of("c", "c"))));
    }
}
