package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines of history, heads and branches as Alembic 1.8 prints them for the same graph (a branch
 * point under a label, a second base, a dependency across branches): Alembic's output for it was
 * <pre>
 * a2 -> a3 (alpha) (head)
 * b1 (a2) -> b2 (beta)
 * a1 -> c1 (alpha, gamma) (head)
 * &lt;base&gt; -> a1 (alpha) (branchpoint)
 * </pre>
 */
class RevisionTextTest {

    private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(
            revision("a1", List.of(), List.of(), List.of("alpha")),
            revision("a2", List.of("a1"), List.of(), List.of()),
            revision("a3", List.of("a2"), List.of(), List.of()),
            revision("b1", List.of(), List.of(), List.of("beta")),
            revision("b2", List.of("b1"), List.of("a2"), List.of()),
            revision("b3", List.of("b2"), List.of(), List.of()),
            revision("c1", List.of("a1"), List.of(), List.of("gamma"))));

    private static RevisionDescriptor revision(String id, List<String> revises, List<String> dependsOn,
            List<String> labels) {
        return new RevisionDescriptor(id, revises, dependsOn, labels, "rev " + id, "g.R_" + id);
    }

    @Test
    void aDependencyIsShownBesideTheParentsAsAlembicShowsIt() {
        RevisionText text = new RevisionText(GRAPH, List.of());
        assertEquals("b1 (a2) -> b2 (beta), rev b2", text.line(GRAPH.find("b2").orElseThrow()));
        assertEquals("<base> -> b1 (beta), rev b1", text.line(GRAPH.find("b1").orElseThrow()));
    }

    @Test
    void aHeadAnotherRevisionDependsOnIsAnEffectiveHeadAsAlembicSays() {
        // Alembic 1.8.1's history for a; b <- a; x depends on b: "<base> (b) -> x (head)",
        // "a -> b (effective head)", "<base> -> a"; its current and heads say "b (effective head)".
        RevisionGraph graph = RevisionGraph.of(List.of(revision("a", List.of(), List.of(), List.of()),
                revision("b", List.of("a"), List.of(), List.of()), revision("x", List.of(), List.of("b"), List.of())));
        RevisionText text = new RevisionText(graph, List.of());
        assertEquals("<base> (b) -> x (head), rev x", text.line(graph.find("x").orElseThrow()));
        assertEquals("a -> b (effective head), rev b", text.line(graph.find("b").orElseThrow()));
        assertEquals("b (effective head), rev b", text.shortLine(graph.find("b").orElseThrow()));
    }

    @Test
    void labelsInheritedAlongTheBranchAreShownWithTheOwnOnes() {
        RevisionText text = new RevisionText(GRAPH, List.of("c1"));
        assertEquals("a2 -> a3 (alpha) (head), rev a3", text.line(GRAPH.find("a3").orElseThrow()));
        assertEquals("a1 -> c1 (alpha, gamma) (head) (current), rev c1", text.line(GRAPH.find("c1").orElseThrow()));
        assertEquals("<base> -> a1 (alpha) (branchpoint), rev a1", text.line(GRAPH.find("a1").orElseThrow()));
        assertEquals("a3 (alpha) (head), rev a3", text.shortLine(GRAPH.find("a3").orElseThrow()));
    }
}
