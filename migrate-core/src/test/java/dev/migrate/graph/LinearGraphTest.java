package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static dev.migrate.graph.Graphs.replay;
import static dev.migrate.graph.Graphs.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A plain line a <- b <- c <- d: the everyday case. */
class LinearGraphTest {

    private final RevisionGraph graph = graph("a", "b <- a", "c <- b", "d <- c");

    private static void assertPlan(Plan plan, String expectedSteps, List<String> expectedHeadsAfter) {
        assertEquals(expectedSteps, steps(plan));
        assertEquals(expectedHeadsAfter, plan.headsAfter());
        assertEquals(plan.headsAfter(), replay(plan));
    }

    @Test
    void headsBasesAndOrder() {
        assertEquals(Set.of("d"), graph.heads());
        assertEquals(Set.of("a"), graph.bases());
        assertEquals(Set.of(), graph.branchPoints());
        assertEquals(List.of("a", "b", "c", "d"), graph.revisions().stream().map(RevisionDescriptor::id).toList());
        assertEquals(Set.of("c"), graph.children("b"));
    }

    @Test
    void upgradeHeadFromEmptyInsertsThenUpdates() {
        Plan plan = graph.upgradePlan(List.of(), "head");
        assertPlan(plan, "a+ b+ c+ d+", List.of("d"));
        assertEquals(new VersionChange(List.of(), List.of("a")), plan.steps().get(0).versionChange());
        assertEquals(new VersionChange(List.of("a"), List.of("b")), plan.steps().get(1).versionChange());
        assertTrue(plan.steps().get(1).versionChange().isUpdate());
    }

    @Test
    void upgradeFromTheMiddle() {
        assertPlan(graph.upgradePlan(List.of("b"), "heads"), "c+ d+", List.of("d"));
    }

    @Test
    void upgradeToPrefixAndRelative() {
        RevisionGraph hex = graph("ae1027a6acf", "1975ea83b712 <- ae1027a6acf", "27c6a30d7c24 <- 1975ea83b712");
        assertPlan(hex.upgradePlan(List.of(), "1975"), "ae1027a6acf+ 1975ea83b712+", List.of("1975ea83b712"));
        assertPlan(hex.upgradePlan(List.of("ae1027a6acf"), "+2"), "1975ea83b712+ 27c6a30d7c24+", List.of("27c6a30d7c24"));
        assertPlan(hex.upgradePlan(List.of(), "ae10+1"), "ae1027a6acf+ 1975ea83b712+", List.of("1975ea83b712"));
    }

    @Test
    void alreadyAtTargetIsAnEmptyPlan() {
        Plan plan = graph.upgradePlan(List.of("d"), "head");
        assertTrue(plan.isEmpty());
        assertEquals(List.of("d"), plan.headsAfter());
        assertTrue(graph.upgradePlan(List.of("d"), "b").isEmpty());
        assertTrue(graph.downgradePlan(List.of(), "base").isEmpty());
    }

    @Test
    void downgradeToBaseDeletesTheLastRow() {
        Plan plan = graph.downgradePlan(List.of("d"), "base");
        assertPlan(plan, "d- c- b- a-", List.of());
        assertEquals(new VersionChange(List.of("a"), List.of()), plan.steps().get(3).versionChange());
    }

    @Test
    void downgradeRelativeAndAbsolute() {
        assertPlan(graph.downgradePlan(List.of("d"), "-2"), "d- c-", List.of("b"));
        assertPlan(graph.downgradePlan(List.of("d"), "a"), "d- c- b-", List.of("a"));
        assertPlan(graph.downgradePlan(List.of("c"), "c-1"), "c-", List.of("b"));
    }

    @Test
    void relativeStepsOutOfRange() {
        TargetException up = assertThrows(TargetException.class, () -> graph.upgradePlan(List.of("c"), "+2"));
        assertEquals("Target '+2' goes 2 revision(s) above 'c', but the history ends before that. Use a smaller"
                + " number, or heads.", up.getMessage());
        TargetException down = assertThrows(TargetException.class, () -> graph.downgradePlan(List.of("b"), "-3"));
        assertEquals("Target '-3' goes 3 revision(s) below 'b', but the history ends before that. Use a smaller"
                + " number, or base.", down.getMessage());
    }

    @Test
    void emptyGraphHasNothingToDo() {
        RevisionGraph empty = RevisionGraph.of(List.of());
        assertEquals(Set.of(), empty.heads());
        assertTrue(empty.upgradePlan(List.of(), "head").isEmpty());
        assertTrue(empty.upgradePlan(List.of(), "heads").isEmpty());
        assertTrue(empty.downgradePlan(List.of(), "base").isEmpty());
        assertEquals(List.of(), empty.history("base:heads", List.of()));
    }

    @Test
    void deepLineDoesNotOverflowTheStack() {
        int size = 100_000;
        List<RevisionDescriptor> line = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            line.add(new RevisionDescriptor("r" + i, i == 0 ? List.of() : List.of("r" + (i - 1)), List.of(), List.of(),
                    "", ""));
        }
        RevisionGraph deep = RevisionGraph.of(line);
        Plan up = deep.upgradePlan(List.of(), "head");
        assertEquals(size, up.steps().size());
        assertEquals(List.of("r99999"), up.headsAfter());
        assertEquals(size, deep.downgradePlan(up.headsAfter(), "base").steps().size());
        assertEquals(size - 1, deep.ancestors("r99999").size());
    }
}
