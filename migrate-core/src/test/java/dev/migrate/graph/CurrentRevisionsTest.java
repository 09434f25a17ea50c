package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's CurrentTest (test_command.py): {@code current} lists the topmost applied revision of
 * every line, including one that only a row's dependsOn keeps applied.
 * <pre>
 *     a1 <- a2 <- a3
 *           ^ (b2 depends on a2)
 *     b1 <- b2 <- b3
 * </pre>
 */
class CurrentRevisionsTest {

    private final RevisionGraph graph = graph("a1", "a2 <- a1", "a3 <- a2", "b1", "b2 <- b1 depends=a2", "b3 <- b2");

    @Test
    void nothingApplied() {
        assertEquals(List.of(), graph.currentRevisions(List.of()));
    }

    @Test
    void plainRow() {
        assertEquals(List.of("a3"), graph.currentRevisions(List.of("a3")));
    }

    @Test
    void twoRows() {
        assertEquals(List.of("a1", "b1"), graph.currentRevisions(List.of("a1", "b1")));
    }

    @Test
    void dependencyOfARowIsListedToo() {
        assertEquals(List.of("a2", "b2"), graph.currentRevisions(List.of("b2")));
    }

    @Test
    void upgradeKeepsTheImpliedDependency() {
        Plan plan = graph.upgradePlan(List.of("b2"), "b3");
        Graphs.assertPlan(plan, "b3+", "b3");
        assertEquals(List.of("a2", "b3"), graph.currentRevisions(plan.headsAfter()));
    }
}
