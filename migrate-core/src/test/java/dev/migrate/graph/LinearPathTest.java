package dev.migrate.graph;

import static dev.migrate.graph.Graphs.assertPlan;
import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alembic's RevisionPathTest, case for case: the line a <- b <- c <- d <- e, absolute and relative
 * targets in both directions, and the targets that must fail.
 */
class LinearPathTest {

    private final RevisionGraph graph = graph("a", "b <- a", "c <- b", "d <- c", "e <- d");

    private String error(Runnable action) {
        return assertThrows(TargetException.class, action::run).getMessage();
    }

    @Test
    void downgradeToBaseWithNothingAppliedDoesNothing() {
        assertPlan(graph.downgradePlan(List.of(), "base"), "");
    }

    @Test
    void downgradeToTheCurrentRevisionDoesNothing() {
        assertPlan(graph.downgradePlan(List.of("a"), "a"), "", "a");
        assertPlan(graph.downgradePlan(List.of("e"), "e"), "", "e");
    }

    @Test
    void upgradeToARevision() {
        assertPlan(graph.upgradePlan(List.of("c"), "e"), "d+ e+", "e");
        assertPlan(graph.upgradePlan(List.of(), "c"), "a+ b+ c+", "c");
    }

    @Test
    void upgradeRelative() {
        assertPlan(graph.upgradePlan(List.of("a"), "+2"), "b+ c+", "c");
        assertPlan(graph.upgradePlan(List.of("a"), "+1"), "b+", "b");
        assertPlan(graph.upgradePlan(List.of("b"), "+3"), "c+ d+ e+", "e");
        assertPlan(graph.upgradePlan(List.of("a"), "b+2"), "b+ c+ d+", "d");
        assertPlan(graph.upgradePlan(List.of("a"), "d-2"), "b+", "b");
    }

    @Test
    void upgradeRelativeThatCannotProduceItsSteps() {
        assertEquals("Target '-2' moves down, but upgrade only moves up. Use downgrade -2, or upgrade +N.",
                error(() -> graph.upgradePlan(List.of("b"), "-2")));
        assertEquals("Target '+5' goes 5 revision(s) above 'b', but the history ends before that. Use a smaller"
                + " number, or heads.", error(() -> graph.upgradePlan(List.of("b"), "+5")));
    }

    @Test
    void relativeTargetLandingOnBaseMeansBase() {
        // Alembic walks to "base" and then fails an internal assertion in upgrade; here it is base.
        assertPlan(graph.upgradePlan(List.of(), "a-1"), "");
        assertPlan(graph.downgradePlan(List.of("c"), "a-1"), "c- b- a-");
    }

    @Test
    void downgradeToARevision() {
        assertPlan(graph.downgradePlan(List.of("e"), "c"), "e- d-", "c");
        assertPlan(graph.downgradePlan(List.of("c"), "base"), "c- b- a-");
    }

    @Test
    void downgradeRelative() {
        assertPlan(graph.downgradePlan(List.of("c"), "-1"), "c-", "b");
        assertPlan(graph.downgradePlan(List.of("e"), "-3"), "e- d- c-", "b");
        assertPlan(graph.downgradePlan(List.of("d"), "a+2"), "d-", "c");
        assertPlan(graph.downgradePlan(List.of("d"), "c-2"), "d- c- b-", "a");
    }

    @Test
    void downgradeRelativeThatCannotProduceItsSteps() {
        assertEquals("Target '-5' goes 5 revision(s) below 'b', but the history ends before that. Use a smaller"
                + " number, or base.", error(() -> graph.downgradePlan(List.of("b"), "-5")));
        assertEquals("Target '+2' moves up, but downgrade only moves down. Use upgrade +2, or downgrade -N.",
                error(() -> graph.downgradePlan(List.of("b"), "+2")));
    }

    @Test
    void downgradeToARevisionThatIsNotBelow() {
        RevisionGraph hex = graph("e6239818bb3a", "548bbb905360 <- e6239818bb3a", "b7ea43dc85e4 <- 548bbb905360");
        assertEquals("Cannot downgrade to '548bbb905360' (target '548'): it is not below the current revisions"
                + " (none applied). Downgrade only moves down the applied history; use upgrade, or stamp to rewrite"
                + " the version table.", error(() -> hex.downgradePlan(List.of(), "548")));
        assertEquals("Cannot downgrade to 'b7ea43dc85e4' (target 'b7ea'): it is not below the current revisions"
                + " (548bbb905360). Downgrade only moves down the applied history; use upgrade, or stamp to rewrite"
                + " the version table.", error(() -> hex.downgradePlan(List.of("548bbb905360"), "b7ea")));
    }

    @Test
    void stampBaseDeletesTheRow() {
        assertEquals(new VersionChange(List.of("d"), List.of()), graph.stamp(List.of("d"), List.of("base"), false));
    }
}
