package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    @Test
    void aRangeCutAcrossAMergeIsListedNotCrashed() {
        // From an Alembic oracle corpus: -1 from every head cuts 93f7 out between 7986 and 098c (and
        // 0dd8 between 260a and 96d4). Alembic's own walk refuses this range ("does not refer to
        // ancestor/descendant revisions"), migrate's walk failed inside (a NullPointerException); it
        // lists the range's revisions.
        RevisionGraph cut = graph("78f0", "6031 depends=78f0", "7986", "febb <- 7986 label=lbl1", "7897 label=lbl2",
                "93f7 <- 7986", "098c <- 93f7", "260a <- 098c 78f0", "0dd8 <- 260a", "96d4 <- 0dd8", "aeef <- 098c",
                "4f31 <- 260a", "e0c1 <- 098c", "136e <- 96d4", "66b7 <- 96d4 label=lbl3", "8235 depends=aeef label=lbl4",
                "714b <- 098c depends=8235");
        List<String> listed = cut.history("-1:", List.of()).stream().map(RevisionDescriptor::id).toList();
        assertEquals(List.of("098c", "136e", "260a", "4f31", "66b7", "714b", "7986", "96d4", "aeef", "e0c1", "febb"),
                listed.stream().sorted().toList());
        // Newest first across the cut too (as Alembic's ancestor sets run through the revisions left
        // out): nothing is listed before a revision above it.
        for (String id : listed) {
            for (String below : cut.ancestors(id)) {
                assertTrue(!listed.contains(below) || listed.indexOf(below) > listed.indexOf(id), below + " before " + id
                        + " in " + listed);
            }
        }
    }
}
