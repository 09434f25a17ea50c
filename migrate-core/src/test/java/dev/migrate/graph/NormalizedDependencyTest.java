package dev.migrate.graph;

import static dev.migrate.graph.Graphs.assertPlan;
import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's NormalizedDownRevTest: dependencies already implied by an ancestor are dropped, so
 * they never decide the order or the rows.
 * <pre>
 *     a1 <- a2 <- a3
 *                  ^ (depends, from b2 and b4)
 *     b1 <- b2 <- b3 <- b4 <- b5 (b5 also depends on its own parent b4)
 * </pre>
 */
class NormalizedDependencyTest {

    private final RevisionGraph graph = graph("a1", "a2 <- a1", "a3 <- a2", "b1", "b2 <- b1 depends=a3",
            "b3 <- b2", "b4 <- b3 depends=a3", "b5 <- b4 depends=b4");

    @Test
    void downgradeOneBranchToItsBase() {
        assertPlan(graph.downgradePlan(List.of("b4"), "b1@base"), "b4- b3- b2- b1-", "a3");
    }

    @Test
    void downgradeEverything() {
        assertPlan(graph.downgradePlan(List.of("b5"), "base"), "b5- b4- b3- b2- b1- a3- a2- a1-");
    }

    @Test
    void downgradeBelowTheDependencyTakesTheDependentsFirst() {
        assertPlan(graph.downgradePlan(List.of("b5"), "a1"), "b5- b4- b3- b2- a3- a2-", "a1", "b1");
    }

    @Test
    void upgradeRunsTheDependencyFirst() {
        assertPlan(graph.upgradePlan(List.of("b1"), "b5"), "a1+ a2+ a3+ b2+ b3+ b4+ b5+", "b5");
    }

    @Test
    void revisionDependingOnItsParentIsAnOrdinaryLine() {
        RevisionGraph dupe = graph("user_foo", "user <- user_foo depends=user_foo");
        assertEquals(java.util.Set.of("user"), dupe.heads());
        assertEquals(List.of("user", "user_foo"), dupe.history("base:heads", List.of()).stream()
                .map(RevisionDescriptor::id).toList());
    }
}
