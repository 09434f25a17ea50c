package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's MultipleBranchTest: two branches from a, each forking again, one fork merged.
 * <pre>
 *          +-- b1 <- cb1 <-+-- d1cb1
 *          |               +-- d2cb1
 *     a <--+
 *          |               +-- d1cb2 --+
 *          +-- b2 <- cb2 <-+-- d2cb2 --+-- d1d2cb2
 *                          +-- d3cb2
 * </pre>
 */
class MultipleBranchGraphTest {

    private final RevisionGraph graph = graph("a", "b1 <- a", "b2 <- a", "cb1 <- b1", "cb2 <- b2", "d1cb1 <- cb1",
            "d2cb1 <- cb1", "d1cb2 <- cb2", "d2cb2 <- cb2", "d3cb2 <- cb2", "d1d2cb2 <- d1cb2,d2cb2");

    private String history(String range) {
        return String.join(" ", graph.history(range, List.of()).stream().map(RevisionDescriptor::id).toList());
    }

    private String error(Runnable action) {
        return assertThrows(TargetException.class, action::run).getMessage();
    }

    @Test
    void historyFromAMergePoint() {
        assertEquals("d1d2cb2 d1cb2 d2cb2 cb2 b2 a", history("a:d1d2cb2"));
    }

    @Test
    void historyOfOneBranch() {
        assertEquals("d3cb2 cb2 b2 a", history("a:d3cb2"));
        assertEquals("d3cb2 cb2 b2 a", history("base:d3cb2"));
    }

    @Test
    void historyInTheWrongDirectionOrAcrossBranches() {
        assertEquals("History range 'd1cb1:b1' does not go from an ancestor to a descendant: 'd1cb1' is not below"
                + " b1. Give a start on the same line as the end.", error(() -> history("d1cb1:b1")));
        assertEquals("History range 'b1:d2cb2' does not go from an ancestor to a descendant: 'b1' is not below"
                + " d2cb2. Give a start on the same line as the end.", error(() -> history("b1:d2cb2")));
    }

    @Test
    void upgradeToTheMergePointRunsBothParents() {
        Plan plan = graph.upgradePlan(List.of("cb2"), "d1d2cb2");
        Graphs.assertPlan(plan, "d2cb2+ d1cb2+ d1d2cb2+", "d1d2cb2");
        assertEquals(new VersionChange(List.of("d1cb2", "d2cb2"), List.of("d1d2cb2")),
                plan.steps().get(2).versionChange());
    }

    @Test
    void downgradeOneForkKeepsTheOthers() {
        List<String> all = List.of("d1cb1", "d2cb1", "d3cb2", "d1d2cb2");
        Graphs.assertPlan(graph.downgradePlan(all, "d3cb2@cb2"), "d3cb2-", "d1cb1", "d2cb1", "d1d2cb2");
        Graphs.assertPlan(graph.downgradePlan(all, "b1"), "d1cb1- d2cb1- cb1-", "b1", "d3cb2", "d1d2cb2");
    }
}
