package dev.migrate.graph;

import static dev.migrate.graph.Graphs.assertPlan;
import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dependsOn: applied first, without joining the branch (Alembic's DependsOn* tests). */
class DependsOnGraphTest {

    @Test
    void dependencyGivenAsLabelIsAppliedFirst() {
        RevisionGraph graph = graph("a1 <- base label=lib1", "b1 <- a1", "c1 <- b1 label=c1lib", "a2",
                "b2 <- a2", "c2 <- b2 depends=c1lib", "d1 <- c1", "e1 <- d1", "f1 <- e1");
        assertPlan(graph.upgradePlan(List.of("a2"), "c2"), "a1+ b1+ c1+ b2+ c2+", "c2");
        // c2 does not join lib1's branch, but a1..c1 do.
        assertEquals(Set.of("lib1"), graph.branchLabels("c1").stream().filter("lib1"::equals)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(), graph.branchLabels("c2"));
        assertEquals(Set.of("f1", "c2"), graph.heads());
    }

    @Test
    void downgradingTheDependencyDowngradesTheDependentFirst() {
        RevisionGraph graph = graph("a1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2 depends=c1",
                "d1 <- c1");
        Plan plan = graph.downgradePlan(List.of("c2", "d1"), "b1");
        // Heads are walked in input order: c2 first; c1 waits until d1 is gone.
        assertPlan(plan, "c2- d1- c1-", "b1", "b2");
        // c2 gives back its own parent b2 as a row, not c1, which d1 still stands on.
        assertEquals(new VersionChange(List.of("c2"), List.of("b2")), plan.steps().get(0).versionChange());
        assertEquals(new VersionChange(List.of("d1"), List.of("c1")), plan.steps().get(1).versionChange());
    }

    @Test
    void downgradeBelowADependencyKeepsItsRowImplied() {
        RevisionGraph graph = graph("a1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2 depends=c1",
                "d1 <- c1", "e1 <- d1", "f1 <- e1");
        assertPlan(graph.downgradePlan(List.of("c2", "d1"), "c1"), "d1-", "c2");
    }

    @Test
    void crissCrossDependencies() {
        RevisionGraph graph = graph("a1", "a2 <- a1", "b1", "b2 <- b1 depends=a2", "b3 <- b2",
                "a3 <- a2 depends=b1");
        assertPlan(graph.downgradePlan(List.of("a3", "b2"), "b1"), "b2-", "a3");
    }

    @Test
    void aDependencyOnAnAncestorComesBackAsARowOnlyBesideAnotherRow() {
        // c keeps a as a down revision (Alembic normalizes away only dependencies an ancestor
        // already depends on, not ancestors). Downgrading c leaves the parents no other row
        // stands on; with no other row Alembic (since 1.13) also drops the parent below the
        // other parent, with another row it checks only that row: a comes back as a row of its own.
        RevisionGraph graph = graph("a", "b <- a", "c <- b depends=a", "x");
        assertPlan(graph.downgradePlan(List.of("c"), "b"), "c-", "b");
        Plan besideX = graph.downgradePlan(List.of("c", "x"), "b");
        assertPlan(besideX, "c-", "a", "b", "x");
        assertEquals(new VersionChange(List.of("c"), List.of("a", "b")), besideX.steps().get(0).versionChange());
        // Alembic refuses to upgrade from that table ("b overlaps with a"); migrate merges the rows back.
        assertPlan(graph.upgradePlan(List.of("a", "b", "x"), "heads"), "c+", "c", "x");
    }

    @Test
    void downgradeToLabelAtHeadsCountsOnlyTheRealHeads() {
        // b is a head only by revises; y depends on it. Alembic resolves label@heads in a downgrade
        // as heads, its real heads: y alone, so nothing to do (and label@head sees both b and y).
        RevisionGraph graph = graph("a", "b <- a", "x label=xl", "y <- x depends=b");
        assertPlan(graph.downgradePlan(List.of("y"), "xl@heads"), "", "y");
    }

    @Test
    void dependsOnItsOwnParent() {
        RevisionGraph graph = graph("a1", "a2 <- a1 depends=a1");
        assertPlan(graph.upgradePlan(List.of(), "a2"), "a1+ a2+", "a2");
        assertPlan(graph.downgradePlan(List.of("a2"), "a1"), "a2-", "a1");
    }

    @Test
    void dependenciesImpliedByAncestorsAreNormalizedAway() {
        RevisionGraph graph = graph("a1", "a2 <- a1", "a3 <- a2", "b1", "b2 <- b1 depends=a3", "b3 <- b2",
                "b4 <- b3 depends=a3");
        assertPlan(graph.downgradePlan(List.of("b4"), "b3"), "b4-", "b3");
    }

    @Test
    void baseThatDependsOnAnotherLine() {
        RevisionGraph graph = graph("a1", "b1 <- base depends=a1", "bmerge <- a1,b1");
        assertPlan(graph.upgradePlan(List.of("a1"), "b1"), "b1+", "b1");
        assertPlan(graph.upgradePlan(List.of("b1"), "bmerge"), "bmerge+", "bmerge");
        assertPlan(graph.downgradePlan(List.of("bmerge"), "a1"), "bmerge-", "b1");
        assertPlan(graph.downgradePlan(List.of("bmerge"), "b1"), "bmerge-", "b1");
    }

    /** Alembic's "kaboom": three merged families and d1 depending on one member of each. */
    private final RevisionGraph kaboom = graph("a1", "a2", "a3", "amerge <- a1,a2,a3", "b1", "b2",
            "bmerge <- b1,b2", "c1", "c2", "c3", "cmerge <- c1,c2,c3", "d1 <- base depends=a3,b2,c1");

    @Test
    void downgradeOneHalfOfAMergeWhileADependencyHoldsTheOther() {
        assertPlan(kaboom.downgradePlan(List.of("amerge", "bmerge", "cmerge", "d1"), "b2"), "bmerge-",
                "amerge", "b1", "cmerge", "d1");
    }

    @Test
    void downgradeLabelledBaseReinsertsWhatTheDependentImplied() {
        assertPlan(kaboom.downgradePlan(List.of("amerge", "d1", "b1", "cmerge"), "d1@base"), "d1-",
                "amerge", "b1", "b2", "cmerge");
    }

    @Test
    void downgradeEverythingFromManyHeads() {
        assertPlan(kaboom.downgradePlan(List.of("amerge", "b1", "b2", "cmerge"), "base"),
                "amerge- a1- b1- b2- cmerge- c1- a2- a3- c2- c3-");
    }

    @Test
    void crossBranchDependencyDowngrades() {
        RevisionGraph graph = graph("a", "b <- a", "c1 <- b label=c1branch", "d1 <- c1",
                "c2 <- b label=c2branch", "d2 <- c2 depends=c1");
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c2branch@b"), "d2- c2-", "d1");
        // Taking c1branch down takes d2 with it, since d2 depends on c1.
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c1branch@b"), "d1- d2- c1-", "c2");
    }

    @Test
    void upgradeHeadsMergesDependencyRowsAway() {
        RevisionGraph graph = graph("a1", "b1 <- a1", "x <- base depends=b1");
        assertEquals(Set.of("b1", "x"), graph.heads());
        assertPlan(graph.upgradePlan(List.of(), "heads"), "a1+ b1+ x+", "x");
    }
}
