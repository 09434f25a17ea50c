package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's LabeledBranchTest: two separate lines, each labelled at its base.
 * <pre>
 *     a (abranch) <- b <- somelongername <- c
 *     d <- e (ebranch) <- someothername <- f
 * </pre>
 */
class LabeledBranchGraphTest {

    private final RevisionGraph graph = graph("a label=abranch", "b <- a", "somelongername <- b",
            "c <- somelongername", "d", "e <- d label=ebranch", "someothername <- e", "f <- someothername");

    private String history(String range) {
        return String.join(" ", graph.history(range, List.of()).stream().map(RevisionDescriptor::id).toList());
    }

    private String error(Runnable action) {
        return assertThrows(TargetException.class, action::run).getMessage();
    }

    @Test
    void labelledBaseToHeads() {
        assertEquals("f someothername e d", history("ebranch@base:heads"));
        assertEquals("c somelongername b a", history("abranch@base:heads"));
        // A revision id stands for its branch too.
        assertEquals("f someothername e d", history("e@base:heads"));
        assertEquals("c somelongername b a", history("c@base:heads"));
    }

    @Test
    void baseToLabelledHead() {
        assertEquals("f someothername e d", history("base:ebranch@head"));
        assertEquals("c somelongername b a", history("base:abranch@head"));
    }

    @Test
    void labelledRevisionsToHeads() {
        assertEquals("f", history("ebranch@head:heads"));
        assertEquals("f someothername e d", history("ebranch@d:heads"));
        assertEquals("f someothername e", history("ebranch@-2:heads"));
        assertEquals("e d", history("base:ebranch@+2"));
    }

    @Test
    void labelledTargetsResolve() {
        assertEquals("c", graph.revision("abranch@head").id());
        assertEquals("f", graph.revision("ebranch@head").id());
        assertEquals("c", graph.revision("abranch@heads").id());
        assertEquals("d", graph.revision("ebranch@d").id());
        assertEquals("a", graph.revision("abranch").id());
        assertEquals("e", graph.revision("ebranch").id());
        assertEquals("e", graph.revision("e").id());
        assertEquals(List.of(), graph.resolve("abranch@base"));
        assertEquals(List.of("f", "c"), graph.resolve("heads").stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void labelledPlans() {
        Graphs.assertPlan(graph.upgradePlan(List.of(), "ebranch@head"), "d+ e+ someothername+ f+", "f");
        Graphs.assertPlan(graph.upgradePlan(List.of("f"), "abranch@+2"), "a+ b+", "f", "b");
        Graphs.assertPlan(graph.upgradePlan(List.of("f", "b"), "abranch@+1"), "somelongername+", "f",
                "somelongername");
        Graphs.assertPlan(graph.downgradePlan(List.of("f", "c"), "abranch@base"), "c- somelongername- b- a-", "f");
        Graphs.assertPlan(graph.downgradePlan(List.of("f", "c"), "ebranch@-1"), "f-", "someothername", "c");
        Graphs.assertPlan(graph.downgradePlan(List.of("f", "c"), "abranch@-1"), "c-", "f", "somelongername");
    }

    @Test
    void errors() {
        assertEquals("Revision 'b' is not on branch 'ebranch': it is neither an ancestor nor a descendant of 'e'."
                + " Drop the 'ebranch@' or name a revision of that branch.", error(() -> graph.revision("ebranch@b")));
        assertEquals("Revision 'd' is not on branch 'abranch': it is neither an ancestor nor a descendant of 'a'."
                + " Drop the 'abranch@' or name a revision of that branch.", error(() -> graph.revision("abranch@d")));
        assertEquals("Unknown revision or branch label 'qprstuv'. Run 'mvn migrate:history' to list the revisions.",
                error(() -> graph.revision("abranch@qprstuv")));
        // No id starts with 'sos', so the hint about four-character prefixes would only mislead.
        assertEquals("Unknown revision or branch label 'sos'. Run 'mvn migrate:history' to list the revisions.",
                error(() -> graph.revision("ebranch@sos")));
        assertEquals("Unknown branch 'x': no branch label or revision has that name. Run 'mvn migrate:branches' to"
                + " list the branches.", error(() -> graph.revision("x@d")));
    }
}
