package dev.migrate.graph;

import static dev.migrate.graph.Graphs.assertPlan;
import static dev.migrate.graph.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alembic's BranchedPathTest: a <- b, then two labelled branches from b.
 * <pre>
 *            +-- c1 (c1branch) <- d1
 * a <- b <---+
 *            +-- c2 (c2branch) <- d2
 * </pre>
 */
class BranchedGraphTest {

    private final RevisionGraph graph = graph(
            "a", "b <- a", "c1 <- b label=c1branch", "d1 <- c1", "c2 <- b label=c2branch", "d2 <- c2");

    @Test
    void shape() {
        assertEquals(Set.of("d1", "d2"), graph.heads());
        assertEquals(Set.of("b"), graph.branchPoints());
        assertEquals(Set.of("c1", "c2"), graph.children("b"));
        assertEquals(Set.of("c1branch"), graph.branchLabels("d1"));
        assertEquals(Set.of("c2branch"), graph.branchLabels("c2"));
        assertEquals(Set.of(), graph.branchLabels("b"));
        assertEquals(Set.of("d1"), graph.headsPerBranch().get("c1branch"));
    }

    @Test
    void upgradeSingleBranch() {
        assertPlan(graph.upgradePlan(List.of("b"), "d1"), "c1+ d1+", "d1");
    }

    @Test
    void upgradeHeadsFromASingleHeadWalksOneBranchAfterTheOther() {
        assertPlan(graph.upgradePlan(List.of("a"), "heads"), "b+ c2+ d2+ c1+ d1+", "d1", "d2");
    }

    @Test
    void upgradeToSeveralTargetsAtOnce() {
        // Alembic's test_upgrade_multiple_branch: the destinations (d1, d2) as one list.
        assertPlan(graph.upgradePlan(List.of("a"), "d1,d2"), "b+ c2+ d2+ c1+ d1+", "d1", "d2");
        assertPlan(graph.upgradePlan(List.of("a"), "d2, c1branch@head"), "b+ c2+ d2+ c1+ d1+", "d1", "d2");
        assertPlan(graph.upgradePlan(List.of("d1"), "c1,c2"), "c2+", "d1", "c2");
        assertEquals("Target '+1' in the list 'd1,+1' is relative; a list takes ids, labels, head, heads and"
                + " label@head only. Upgrade to '+1' on its own.",
                assertThrows(TargetException.class, () -> graph.upgradePlan(List.of("a"), "d1,+1")).getMessage());
    }

    @Test
    void upgradeRevisionAsBranchPlusOne() {
        // rev@+N: a revision id names the branch it is on.
        assertPlan(graph.upgradePlan(List.of("c1", "c2"), "d2@+1"), "d2+", "c1", "d2");
        assertPlan(graph.upgradePlan(List.of("b"), "c1@+1"), "c1+", "c1");
        assertPlan(graph.upgradePlan(List.of("b"), "d2@+2"), "c2+ d2+", "d2");
    }

    @Test
    void downgradeLabelledBaseOfABranchThatSharesItsBaseTakesEverything() {
        // Alembic filters the bases by the branch only when there are several; here there is one (a).
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c1branch@base"), "d1- c1- d2- c2- b- a-");
    }

    @Test
    void upgradeSecondBranchInsertsANewRow() {
        Plan plan = graph.upgradePlan(List.of("d1"), "c2branch@head");
        assertPlan(plan, "c2+ d2+", "d1", "d2");
        assertEquals(new VersionChange(List.of(), List.of("c2")), plan.steps().get(0).versionChange());
    }

    @Test
    void downgradeBelowTheBranchPointRemovesBothBranches() {
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "a"), "d1- c1- d2- c2- b-", "a");
    }

    @Test
    void upgradeLabelHeadMinusOne() {
        assertPlan(graph.upgradePlan(List.of("b"), "c2branch@head-1"), "c2+", "c2");
    }

    @Test
    void downgradeBasePlusTwoDropsEverythingAboveB() {
        assertPlan(graph.downgradePlan(List.of("d2", "d1"), "base+2"), "d1- c1- d2- c2-", "b");
    }

    @Test
    void downgradeLabelledBasePlusTwoOnlyTouchesThatBranch() {
        assertPlan(graph.downgradePlan(List.of("d2", "d1"), "c2branch@base+2"), "d2- c2-", "d1");
        assertPlan(graph.downgradePlan(List.of("d2", "d1"), "c2branch@base+3"), "d2-", "d1", "c2");
        assertPlan(graph.downgradePlan(List.of("d2", "d1"), "c2"), "d2-", "d1", "c2");
    }

    @Test
    void downgradeMinusOneFromSeveralHeadsCountsFromTheFirstRow() {
        assertPlan(graph.downgradePlan(List.of("d2", "d1"), "-1"), "d2-", "d1", "c2");
        assertPlan(graph.downgradePlan(List.of("c2", "d1"), "-1"), "c2-", "d1");
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "-1"), "d1-", "d2", "c1");
        assertPlan(graph.downgradePlan(List.of("c1", "d2"), "-1"), "c1-", "d2");
    }

    @Test
    void downgradeMinusNFromSeveralHeadsWarnsAsAlembicDoes() {
        // Alembic 1.8.1: "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed
        // in a future release." (a Python warning), then it goes on from the first row.
        assertEquals(List.of("Downgrade -1 from several heads (d1, d2) is ambiguous: it counts down from d2, the first"
                + " row of the version table. Name the branch to be sure: d2@-1 or d1@-1 (Alembic warns the same and"
                + " will refuse this in a future release)."), graph.downgradePlan(List.of("d2", "d1"), "-1").warnings());
        assertEquals(1, graph.downgradePlan(List.of("d1", "d2"), "-2").warnings().size());
        // One row, a named branch or a named revision: nothing ambiguous, nothing to warn of.
        assertEquals(List.of(), graph.downgradePlan(List.of("d1"), "-1").warnings());
        assertEquals(List.of(), graph.downgradePlan(List.of("d1", "d2"), "c1branch@-1").warnings());
        assertEquals(List.of(), graph.downgradePlan(List.of("d1", "d2"), "d2-1").warnings());
        assertEquals(List.of(), graph.downgradePlan(List.of("d1", "d2"), "d2@-1").warnings());
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "d2@-1"), "d2-", "d1", "c2");
    }

    @Test
    void downgradeLabelMinusOne() {
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c1branch@-1"), "d1-", "c1", "d2");
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c1branch@head-1"), "d1-", "c1", "d2");
    }

    @Test
    void downgradeRevisionMinusOneFromEitherRowOrder() {
        assertPlan(graph.downgradePlan(List.of("d2", "c1"), "d2-1"), "d2-", "c1", "c2");
        assertPlan(graph.downgradePlan(List.of("c1", "d2"), "d2-1"), "d2-", "c1", "c2");
    }

    @Test
    void downgradeOneBranchToTheBranchPoint() {
        assertPlan(graph.downgradePlan(List.of("c1", "d2"), "c1branch@b"), "c1-", "d2");
        assertPlan(graph.downgradePlan(List.of("c1", "d2"), "c2branch@b"), "d2- c2-", "c1");
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c2@b"), "d2- c2-", "d1");
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "d1@b"), "d1- c1-", "d2");
    }

    @Test
    void upgradeLabelPlusOne() {
        assertPlan(graph.upgradePlan(List.of("c1"), "c2branch@+1"), "c2+", "c1", "c2");
        assertPlan(graph.upgradePlan(List.of("c1", "c2"), "c2branch@+1"), "d2+", "c1", "d2");
    }

    @Test
    void upgradeFromBase() {
        assertPlan(graph.upgradePlan(List.of(), "base+1"), "a+", "a");
        assertPlan(graph.upgradePlan(List.of(), "+1"), "a+", "a");
        assertPlan(graph.downgradePlan(List.of("a"), "-1"), "a-");
    }

    @Test
    void downgradeToARevisionAlreadyAppliedDoesNothing() {
        assertPlan(graph.downgradePlan(List.of("d1", "c2"), "c2"), "", "d1", "c2");
        assertPlan(graph.downgradePlan(List.of("d1", "c2"), "d1"), "", "d1", "c2");
    }

    @Test
    void plusOneFromSeveralRowsIsAmbiguous() {
        TargetException e = assertThrows(TargetException.class,
                () -> graph.upgradePlan(List.of("c1", "c2"), "+1"));
        assertEquals("Target '+1' is ambiguous: the database is at several revisions (c1, c2). Say which branch to"
                + " move: label@+1 or <revision>+1.", e.getMessage());
    }

    @Test
    void headIsAmbiguousWithTwoHeads() {
        TargetException e = assertThrows(TargetException.class, () -> graph.upgradePlan(List.of(), "head"));
        assertEquals("Target 'head' is ambiguous: there are 2 heads (d1, d2). Use 'heads' for all of them,"
                + " 'label@head' for one branch, a revision id, or run 'mvn migrate:merge' to join them into one head.",
                e.getMessage());
    }

    @Test
    void walkingUpFromABranchPointIsAmbiguous() {
        TargetException e = assertThrows(TargetException.class, () -> graph.upgradePlan(List.of("b"), "+1"));
        assertEquals("Target '+1' is ambiguous: revision 'b' has several children (c1, c2). Name the branch"
                + " (label@+1) or give a revision id.", e.getMessage());
    }

    @Test
    void downgradeMinusOneWithNothingApplied() {
        TargetException e = assertThrows(TargetException.class, () -> graph.downgradePlan(List.of(), "-1"));
        assertEquals("Target '-1' counts down from the current revision, but nothing is applied yet.", e.getMessage());
    }

    @Test
    void downgradeToARevisionOnAnotherBranch() {
        TargetException e = assertThrows(TargetException.class, () -> graph.downgradePlan(List.of("d1"), "c2"));
        assertEquals("Cannot downgrade to 'c2' (target 'c2'): it is not below the current revisions (d1). Downgrade"
                + " only moves down the applied history; use upgrade, or stamp to rewrite the version table.",
                e.getMessage());
    }

    @Test
    void revisionNotOnTheNamedBranch() {
        TargetException e = assertThrows(TargetException.class, () -> graph.upgradePlan(List.of(), "c1branch@d2"));
        assertEquals("Revision 'd2' is not on branch 'c1branch': it is neither an ancestor nor a descendant of 'c1'."
                + " Drop the 'c1branch@' or name a revision of that branch.", e.getMessage());
    }

    @Test
    void downgradeToHeadsNeedsOneDestination() {
        TargetException e = assertThrows(TargetException.class, () -> graph.downgradePlan(List.of("d1", "d2"), "heads"));
        assertEquals("Target 'heads' names 2 revisions (d1, d2), but a downgrade goes down to one. Give a revision"
                + " id, label@-N or base.", e.getMessage());
        // Alembic resolves the symbol of a downgrade target without its label: c1branch@heads is heads.
        e = assertThrows(TargetException.class, () -> graph.downgradePlan(List.of("d1", "d2"), "c1branch@heads"));
        assertEquals("Target 'c1branch@heads' names 2 revisions (d1, d2), but a downgrade goes down to one. Give a"
                + " revision id, label@-N or base.", e.getMessage());
    }

    @Test
    void downgradeToLabelAtHeadIsAmbiguousWithSeveralHeads() {
        // In a downgrade Alembic reads label@head as the one head of the history, narrowed to the branch.
        TargetException e = assertThrows(TargetException.class,
                () -> graph.downgradePlan(List.of("d1", "d2"), "c1branch@head"));
        assertEquals("Target 'c1branch@head' is ambiguous in a downgrade: there 'head' means the one head of the"
                + " whole history, and there are 2 heads (d1, d2). Downgrade to a revision id, to 'c1branch@-N',"
                + " or to 'c1branch@base'.", e.getMessage());
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c1branch@-1"), "d1-", "c1", "d2");
    }

    @Test
    void downgradeToARevisionOffTheNamedBranchWalksThatBranchDown() {
        // The label narrows the branches walked where the revision has several children; the
        // revision need not be on the branch (c1 is not on c2branch). Answers checked against Alembic.
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c2branch@c1"), "d1-", "c1", "d2");
        assertPlan(graph.downgradePlan(List.of("d1", "d2"), "c2branch@b"), "d2- c2-", "d1");
    }
}
