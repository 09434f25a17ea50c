package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Alembic's {@code history -r} ranges (its test_command history cases), newest first. */
class HistoryTest {

    private final RevisionGraph graph = graph("a", "b <- a", "c <- b");

    private String history(RevisionGraph g, String range, String... current) {
        return String.join(" ", g.history(range, List.of(current)).stream().map(RevisionDescriptor::id).toList());
    }

    @Test
    void wholeHistory() {
        assertEquals("c b a", history(graph, null));
        assertEquals("c b a", history(graph, "base:heads"));
        assertEquals("c b a", history(graph, "base:head"));
        assertEquals("c b a", history(graph, ":"));
    }

    @Test
    void rangesIncludeBothEnds() {
        assertEquals("b a", history(graph, "a:b"));
        assertEquals("b a", history(graph, ":b"));
        assertEquals("c b a", history(graph, "a:"));
        assertEquals("c b a", history(graph, "a:+2"));
    }

    @Test
    void relativeStart() {
        assertEquals("c b a", history(graph, "-2:c"));
        assertEquals("c b a", history(graph, "-5:c"));
        assertEquals("c b", history(graph, "-1:"));
    }

    @Test
    void current() {
        assertEquals("c b", history(graph, "current:", "b"));
        assertEquals("c b a", history(graph, "current:"));
        assertEquals("b a", history(graph, ":current", "b"));
        assertEquals("c b a", history(graph, ":current"));
        assertEquals("b a", history(graph, "-1:current", "b"));
    }

    @Test
    void relativeToCurrentCountsFromTheCurrentRevision() {
        RevisionGraph longer = graph("a", "b <- a", "c <- b", "d <- c", "e <- d", "f <- e");
        assertEquals("d c b", history(longer, "-2:current", "d"));
    }

    @Test
    void branchesAndLabelledBase() {
        RevisionGraph branched = graph("a", "b <- a", "c1 <- b label=c1branch", "d1 <- c1",
                "c2 <- b label=c2branch", "d2 <- c2");
        assertEquals("d1 c1 d2 c2 b a", history(branched, null));
        assertEquals("d1 c1 b", history(branched, "b:c1branch@head"));
        assertEquals("d2 c2 b a", history(branched, "c2branch@base:heads"));
        assertEquals("d1 c1", history(branched, "c1:d1"));
    }

    @Test
    void errors() {
        assertEquals("History range 'ab' needs a colon: from:to, from: or :to (for example base:head, -3:current,"
                + " ae10:).", assertThrows(TargetException.class, () -> graph.history("ab", List.of())).getMessage());
        RevisionGraph branched = graph("a", "b <- a", "c1 <- b", "c2 <- b");
        assertEquals("History range 'c1:c2' does not go from an ancestor to a descendant: 'c1' is not below c2."
                + " Give a start on the same line as the end.",
                assertThrows(TargetException.class, () -> branched.history("c1:c2", List.of())).getMessage());
    }

    @Test
    void rangeCutAcrossADependencyStillListsEveryRevision() {
        // d is above b but reaches the only head h through x's dependency, outside the range.
        RevisionGraph graph = graph("a", "b <- a", "d <- b", "x <- base depends=d", "h <- x");
        assertEquals("d b", history(graph, "b:heads"));
    }
}
