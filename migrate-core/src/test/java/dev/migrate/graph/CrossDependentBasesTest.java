package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static dev.migrate.graph.Graphs.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alembic's MultipleBaseCrossDependencyTestTwo and Three: several bases whose lines depend on
 * each other, including a base that depends on a branch label.
 * <pre>
 *     base1 (b_1) <- a1 <- b1 <- c1
 *     base2 (b_2, depends on b_1) <- a2 <- b2 <- c2 <- d2
 *     base3 (b_3) <- a3 <- b3 <- c3 (depends on b2) <- d3
 * </pre>
 */
class CrossDependentBasesTest {

    private final RevisionGraph graph = graph("base1 label=b_1", "a1 <- base1", "b1 <- a1", "c1 <- b1",
            "base2 <- base label=b_2 depends=b_1", "a2 <- base2", "b2 <- a2", "c2 <- b2", "d2 <- c2",
            "base3 label=b_3", "a3 <- base3", "b3 <- a3", "c3 <- b3 depends=b2", "d3 <- c3");

    private static String history(RevisionGraph graph, String range) {
        return String.join(" ", graph.history(range, List.of()).stream().map(RevisionDescriptor::id).toList());
    }

    @Test
    void heads() {
        assertEquals(Set.of("c1", "d2", "d3"), graph.heads());
    }

    @Test
    void wholeHistory() {
        assertEquals("c1 b1 a1 d2 c2 d3 c3 b3 a3 base3 b2 a2 base2 base1", history(graph, "base:heads"));
    }

    @Test
    void branchHeadsBringTheirDependencies() {
        assertEquals("d2 c2 b2 a2 base2 base1", history(graph, "base:b_2@head"));
        assertEquals("d3 c3 b3 a3 base3 b2 a2 base2 base1", history(graph, "base:b_3@head"));
        assertEquals("c1 b1 a1 base1", history(graph, "base:b_1@head"));
    }

    @Test
    void labelledBasesBringTheirDependencies() {
        assertEquals("c1 b1 a1 base1", history(graph, "b_1@base:heads"));
        assertEquals("d2 c2 b2 a2 base2 base1", history(graph, "b_2@base:heads"));
        assertEquals("d3 c3 b3 a3 base3 b2 a2 base2 base1", history(graph, "b_3@base:heads"));
    }

    @Test
    void upgradeABranchRunsWhatItDependsOnFirst() {
        assertEquals("base1+ base2+ a2+ b2+ base3+ a3+ b3+ c3+ d3+",
                steps(graph.upgradePlan(List.of(), "b_3@head")));
    }

    @Test
    void baseWithoutParentButWithADependency() {
        RevisionGraph three = graph("base1", "a1 <- base1", "b1 <- a1", "c2 <- base depends=a1", "c3 <- c2");
        assertEquals("b1 c3 c2 a1 base1", history(three, "base:heads"));
    }
}
