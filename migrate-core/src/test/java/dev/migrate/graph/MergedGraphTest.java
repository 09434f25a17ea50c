package dev.migrate.graph;

import static dev.migrate.graph.Graphs.assertPlan;
import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merge points: Alembic's MergedPathTest, TwinMergeTest, NotQuiteTwinMergeTest and the three-way merges. */
class MergedGraphTest {

    /** a <- b, branches c1 <- d1 and c2 (c2branch) <- d2 from b, merged by e, then f. */
    private final RevisionGraph merged = graph("a", "b <- a", "c1 <- b", "d1 <- c1", "c2 <- b label=c2branch",
            "d2 <- c2", "e <- d1,d2", "f <- e");

    @Test
    void mergeShape() {
        assertEquals(Set.of("f"), merged.heads());
        assertEquals(Set.of("e"), merged.mergePoints());
        assertEquals(Set.of("b"), merged.branchPoints());
    }

    @Test
    void upgradeAcrossAMergeAppliesAllParents() {
        Plan plan = merged.upgradePlan(List.of("b"), "f");
        assertPlan(plan, "c2+ d2+ c1+ d1+ e+ f+", "f");
        // c1 starts a second row; e merges d1 and d2 into one row.
        assertEquals(new VersionChange(List.of("b"), List.of("c2")), plan.steps().get(0).versionChange());
        assertEquals(new VersionChange(List.of(), List.of("c1")), plan.steps().get(2).versionChange());
        assertEquals(new VersionChange(List.of("d1", "d2"), List.of("e")), plan.steps().get(4).versionChange());
    }

    @Test
    void downgradeAcrossAMergeUnmerges() {
        Plan plan = merged.downgradePlan(List.of("f"), "b");
        assertPlan(plan, "f- e- d1- c1- d2- c2-", "b");
        // The last parent first: Alembic updates the merge's row to it (VersionTable updates to the first added row).
        assertEquals(new VersionChange(List.of("e"), List.of("d2", "d1")), plan.steps().get(1).versionChange());
        // c1 leaves no row behind (b is still below c2); c2 then turns back into b.
        assertEquals(new VersionChange(List.of("c1"), List.of()), plan.steps().get(3).versionChange());
        assertEquals(new VersionChange(List.of("c2"), List.of("b")), plan.steps().get(5).versionChange());
    }

    @Test
    void upgradeMergeFromOneBranchOnly() {
        assertPlan(merged.upgradePlan(List.of("d2"), "e"), "c1+ d1+ e+", "e");
    }

    @Test
    void twinMergesFromTheSameThreeParents() {
        RevisionGraph twin = graph("a", "b1 <- a", "b2 <- a", "b3 <- a", "c1 <- b1,b2,b3", "c2 <- b1,b2,b3",
                "d1 <- c1", "d2 <- c2");
        Plan plan = twin.upgradePlan(List.of("a"), "heads");
        assertPlan(plan, "b3+ b2+ b1+ c2+ d2+ c1+ d1+", "d1", "d2");
        assertEquals(new VersionChange(List.of("b1", "b2", "b3"), List.of("c2")), plan.steps().get(3).versionChange());
        assertEquals(new VersionChange(List.of(), List.of("c1")), plan.steps().get(5).versionChange());
        assertPlan(twin.downgradePlan(plan.headsAfter(), "a"), "d1- c1- d2- c2- b1- b2- b3-", "a");
    }

    @Test
    void notQuiteTwinMerges() {
        RevisionGraph graph = graph("a", "b1 <- a", "b2 <- a", "b3 <- a", "c1 <- b1,b2", "c2 <- b2,b3",
                "d1 <- c1", "d2 <- c2");
        Plan plan = graph.upgradePlan(List.of("a"), "heads");
        assertPlan(plan, "b2+ b3+ c2+ d2+ b1+ c1+ d1+", "d1", "d2");
        // c1's second parent b2 is already merged into c2: only b1's row turns into c1.
        assertEquals(new VersionChange(List.of("b1"), List.of("c1")), plan.steps().get(5).versionChange());
    }

    /** Alembic's BranchFrom3WayMergepointTest: three lines merged by d1, two of them continuing. */
    private final RevisionGraph threeWay = graph("a1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2",
            "a3", "b3 <- a3", "c3 <- b3", "d1 <- c1,c2,c3", "d2 <- c2", "d3 <- c3");

    @Test
    void threeWayMergeToOnlyOneSide() {
        assertPlan(threeWay.upgradePlan(List.of("d3", "d2", "b1"), "d1"), "c1+ d1+", "d3", "d2", "d1");
        assertPlan(threeWay.downgradePlan(List.of("d3", "d2", "d1"), "b1"), "d1- c1-", "d3", "d2", "b1");
    }

    @Test
    void threeWayMergeToTwoSides() {
        Plan plan = threeWay.upgradePlan(List.of("d3", "b2", "b1"), "d1");
        assertPlan(plan, "c2+ c1+ d1+", "d3", "d1");
        assertPlan(threeWay.upgradePlan(plan.headsAfter(), "d2"), "d2+", "d3", "d2", "d1");
    }

    @Test
    void branchFromMergePoint() {
        RevisionGraph graph = graph("a1", "b1 <- a1", "c1 <- b1", "a2", "b2 <- a2", "c2 <- b2", "d1 <- c1,c2",
                "d2 <- c2");
        assertEquals(Set.of("a1", "a2"), graph.bases());
        assertPlan(graph.upgradePlan(List.of("d2", "b1"), "d1"), "c1+ d1+", "d2", "d1");
        assertPlan(graph.downgradePlan(List.of("d2", "d1"), "b1"), "d1- c1-", "d2", "b1");
    }

    @Test
    void forestOfTwoBasesUpgradesAndDowngradesEveryLine() {
        RevisionGraph forest = graph("a1", "b1 <- a1", "a2", "b2 <- a2");
        assertPlan(forest.upgradePlan(List.of(), "heads"), "a2+ b2+ a1+ b1+", "b1", "b2");
        assertPlan(forest.downgradePlan(List.of("b1", "b2"), "base"), "b1- a1- b2- a2-");
    }
}
