package dev.migrate.graph;

import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which revisions a branch label covers (Alembic's _add_branches). */
class BranchLabelsTest {

    @Test
    void labelCoversDescendantsAndTheLineDownToTheFork() {
        RevisionGraph graph = graph("a", "b <- a", "c <- b", "x1 <- a", "x2 <- x1 label=feature", "x3 <- x2");
        assertEquals(Set.of("feature"), graph.branchLabels("x3"));
        assertEquals(Set.of("feature"), graph.branchLabels("x1"));
        assertEquals(Set.of(), graph.branchLabels("a"));
        assertEquals(Set.of(), graph.branchLabels("b"));
        assertEquals(Map.of("feature", Set.of("x3")), graph.headsPerBranch());
    }

    @Test
    void labelDoesNotExtendDownwardsWhenItsBranchForksAgain() {
        RevisionGraph graph = graph("a", "b <- a label=lib", "c1 <- b", "c2 <- b");
        assertEquals(Set.of("lib"), graph.branchLabels("c1"));
        assertEquals(Set.of("lib"), graph.branchLabels("c2"));
        assertEquals(Set.of(), graph.branchLabels("a"));
        assertEquals(Map.of("lib", Set.of("c1", "c2")), graph.headsPerBranch());
    }

    @Test
    void aDependentStopsTheDownwardExtension() {
        RevisionGraph graph = graph("a", "b <- a", "c <- b label=lib", "other <- base depends=a");
        assertEquals(Set.of("lib"), graph.branchLabels("b"));
        assertEquals(Set.of(), graph.branchLabels("a"));
        assertEquals(Set.of(), graph.branchLabels("other"));
    }

    @Test
    void labelledBaseAndLabelRelativeSteps() {
        RevisionGraph graph = graph("a label=abranch", "b <- a", "somelongername <- b", "c <- somelongername",
                "d", "e <- d label=ebranch", "someothername <- e", "f <- someothername");
        assertEquals("f", graph.revision("ebranch@head").id());
        assertEquals("c", graph.revision("abranch@heads").id());
        assertEquals("someothername", graph.revision("ebranch@some").id());
        assertEquals("somelongername", graph.revision("abranch@some").id());
        assertEquals("d", graph.revision("e@d").id());
        assertEquals("d", graph.revision("someoth@d").id());
        assertEquals("e", graph.revision("ebranch@ebranch").id());
        assertEquals(java.util.List.of("e"), graph.resolve("ebranch@-2"));
        assertEquals("Revision 'b' is not on branch 'ebranch': it is neither an ancestor nor a descendant of 'e'."
                + " Drop the 'ebranch@' or name a revision of that branch.",
                org.junit.jupiter.api.Assertions.assertThrows(TargetException.class,
                        () -> graph.revision("ebranch@b")).getMessage());
    }
}
