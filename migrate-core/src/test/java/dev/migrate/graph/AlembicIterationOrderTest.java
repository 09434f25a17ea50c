package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static dev.migrate.graph.Graphs.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order Alembic's {@code iterate_revisions} gives (its test_revision.py cases), reached through
 * history (newest first) and plans: depth first along branches, a branch point only after every
 * branch above it.
 */
class AlembicIterationOrderTest {

    private static String history(RevisionGraph graph, String range) {
        return String.join(" ", graph.history(range, List.of()).stream().map(RevisionDescriptor::id).toList());
    }

    private final RevisionGraph travelling = graph("a1", "a2 <- a1", "a3 <- a2", "b1 <- a3", "b2 <- a3", "cb1 <- b1",
            "cb2 <- b2", "db1 <- cb1", "db2 <- cb2", "e1b1 <- db1", "fe1b1 <- e1b1", "e2b1 <- db1", "e2b2 <- db2",
            "merge <- e2b1,e2b2");

    @Test
    void branchTravelling() {
        assertEquals("fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3", history(travelling, "a3:heads"));
        assertEquals("fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1", history(travelling, "a1:heads"));
        assertEquals("merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1", history(travelling, "a1:merge"));
        assertEquals("merge e2b1 db1 cb1 b1", history(travelling, "b1:merge"));
        assertEquals("merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2", history(travelling, "a2:merge"));
        assertEquals("fe1b1 e1b1 db1 cb1 b1 a3 a2 a1", history(travelling, ":fe1b1"));
    }

    @Test
    void longAndShortBranch() {
        RevisionGraph graph = graph("a", "b1 <- a", "b2 <- a", "c1 <- b1", "d11 <- c1", "d12 <- c1");
        assertEquals("b2 d11 d12 c1 b1 a", history(graph, "base:heads"));
        assertEquals("a+ b1+ c1+ d12+ d11+ b2+", steps(graph.upgradePlan(List.of(), "heads")));
    }

    @Test
    void diamond() {
        RevisionGraph graph = graph("a", "b1 <- a", "b2 <- a", "c <- b1,b2", "d <- c");
        assertEquals("d c b1 b2 a", history(graph, "a:d"));
    }

    @Test
    void multipleBases() {
        RevisionGraph graph = graph("base1", "base2", "base3", "a1a <- base1", "a1b <- base1", "a2 <- base2",
                "a3 <- base3", "b1a <- a1a", "b1b <- a1b", "b2 <- a2", "b3 <- a3", "c2 <- b2", "d2 <- c2",
                "mergeb3d2 <- b3,d2");
        assertEquals("b1a a1a b1b a1b base1 mergeb3d2 b3 a3 base3 d2 c2 b2 a2 base2", history(graph, "base:heads"));
        assertEquals("b3 a3 base3", history(graph, "base3:b3"));
        // From a revision on one line: only what lies above it.
        assertEquals("mergeb3d2 d2 c2", history(graph, "c2:heads"));
        assertEquals(java.util.Set.of("b1a", "b1b", "mergeb3d2"), graph.heads());
    }

    /** Three lines, two of them depending on the third (MultipleBaseCrossDependencyTestOne). */
    private final RevisionGraph crossDependent = graph("base1 label=b_1", "a1a <- base1", "a1b <- base1",
            "b1a <- a1a", "b1b <- a1b depends=a3", "base2 label=b_2", "a2 <- base2", "b2 <- a2", "c2 <- b2 depends=a3",
            "d2 <- c2", "base3 label=b_3", "a3 <- base3", "b3 <- a3");

    @Test
    void crossDependencies() {
        assertEquals(java.util.Set.of("b1a", "b1b", "d2", "b3"), crossDependent.heads());
        assertEquals("b1a a1a b1b a1b base1 d2 c2 b2 a2 base2 b3 a3 base3", history(crossDependent, "base:heads"));
        assertEquals("d2 c2 b2 a2 base2 a3 base3", history(crossDependent, "base:b_2@head"));
        assertEquals("b3 a3 base3", history(crossDependent, "base:b_3@head"));
        assertEquals("b1b a1b base1 a3 base3", history(crossDependent, "base:b1b@head"));
        assertEquals("d2 c2 b2 a2 base2 a3 base3", history(crossDependent, "b_2@base:heads"));
        assertEquals("b3 a3 base3", history(crossDependent, "b_3@base:heads"));
    }

    @Test
    void downgradeABranchTheOthersDependOn() {
        List<String> all = List.of("b1a", "b1b", "d2", "b3");
        assertEquals("b1b- d2- c2- b3- a3- base3-", steps(crossDependent.downgradePlan(all, "b_3@base")));
        assertEquals("d2- c2- b2- a2- base2-", steps(crossDependent.downgradePlan(all, "b_2@base")));
        assertEquals("b1b- a1b-", steps(crossDependent.downgradePlan(List.of("b1b"), "base1")));
    }
}
