package dev.migrate.graph;

import static dev.migrate.graph.Graphs.assertPlan;
import static dev.migrate.graph.Graphs.graph;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's MultipleBranchEffectiveHead: two labelled lines, y2 depending on x1.
 * <pre>
 *     y1 (y) <- y2 ---depends--> x1 (x) <- x2
 * </pre>
 * {@code x@-1} counts from the topmost applied revision of branch x, even when only a dependent
 * of it is a row.
 */
class EffectiveHeadGraphTest {

    private final RevisionGraph graph = graph("y1 label=y", "x1 label=x", "y2 <- y1 depends=x1", "x2 <- x1");

    @Test
    void branchHeadIsARow() {
        // x1 gets no row back: y2 still stands on it (Alembic's "implied by a remaining row" delete).
        assertPlan(graph.downgradePlan(List.of("x2", "y2"), "x@-1"), "x2-", "y2");
    }

    @Test
    void branchRevisionIsARowBelowADependent() {
        assertPlan(graph.downgradePlan(List.of("x1", "y2"), "x@-1"), "y2- x1-", "y1");
    }

    @Test
    void branchIsOnlyImpliedByADependent() {
        assertPlan(graph.downgradePlan(List.of("y2"), "x@-1"), "y2- x1-", "y1");
    }
}
