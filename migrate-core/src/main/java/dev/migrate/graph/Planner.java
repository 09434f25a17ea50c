package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds upgrade and downgrade plans the way Alembic's {@code ScriptDirectory._upgrade_revs} and
 * {@code _downgrade_revs} do: collect the revisions to run, order them with
 * {@link AlembicOrder}, and compute each step's version-table change with
 * {@link VersionTableReplay}.
 */
final class Planner {

    private final GraphIndex graph;
    private final TargetResolver resolver;
    private final RelativeTargets relative;
    private final int[] bases;

    Planner(GraphIndex graph, TargetResolver resolver, int[] bases) {
        this.graph = graph;
        this.resolver = resolver;
        this.relative = new RelativeTargets(graph, resolver, true);
        this.bases = bases;
    }

    Plan upgrade(List<String> rows, int[] current, String targetText) {
        int[] targets = upgradeTargets(current, targetText);
        boolean[] needed = Reach.ancestors(graph, targets, true);
        boolean[] have = Reach.ancestors(graph, current, true);
        for (int i = 0; i < needed.length; i++) {
            needed[i] &= !have[i];
        }
        int[] order = AlembicOrder.newestFirst(graph, needed, targets);
        reverse(order);
        return plan(Direction.UP, rows, current, have, order);
    }

    /**
     * One target, or a comma-separated list of them (Alembic's {@code upgrade} with a tuple of
     * destinations, such as {@code d1,d2}): the union of what each names. Relative targets depend
     * on where the others lead, so a list takes absolute ones only.
     */
    private int[] upgradeTargets(int[] current, String targetText) {
        if (targetText == null || !targetText.contains(",") || graph.byId.containsKey(targetText.trim())) {
            return relative.upgradeTargets(current, TargetParser.parse(targetText));
        }
        java.util.Set<Integer> union = new java.util.LinkedHashSet<>();
        for (String part : targetText.split(",")) {
            Target target = TargetParser.parse(part);
            if (target instanceof Target.Relative) {
                throw new TargetException("Target '" + target.text() + "' in the list '" + targetText.trim()
                        + "' is relative; a list takes ids, labels, head, heads and label@head only. Upgrade to '"
                        + target.text() + "' on its own.");
            }
            for (int position : relative.upgradeTargets(current, target)) {
                union.add(position);
            }
        }
        return union.stream().mapToInt(Integer::intValue).toArray();
    }

    Plan downgrade(List<String> rows, int[] current, String targetText) {
        Target target = TargetParser.parse(targetText);
        RelativeTargets.Destination destination = relative.downgradeTarget(current, target);
        int[] roots = roots(destination, target);
        boolean[] remove = Reach.descendants(graph, roots, true);
        boolean[] active = Reach.ancestors(graph, current, true);
        boolean any = false;
        for (int i = 0; i < remove.length; i++) {
            remove[i] &= active[i];
            any |= remove[i];
        }
        int revision = destination.revision();
        if (revision != TargetResolver.BASE && !any && Arrays.stream(current).noneMatch(c -> c == revision)) {
            throw new TargetException("Cannot downgrade to '" + graph.id(revision) + "' (target '" + target.text()
                    + "'): it is not below the current revisions (" + describe(current) + "). Downgrade only moves"
                    + " down the applied history; use upgrade, or stamp to rewrite the version table.");
        }
        Plan plan = plan(Direction.DOWN, rows, current, active, AlembicOrder.newestFirst(graph, remove, current));
        return destination.warning() == null ? plan : plan.withWarning(destination.warning());
    }

    /** The revisions whose removal reaches the destination: its children, or the bases for base. */
    private int[] roots(RelativeTargets.Destination destination, Target target) {
        int[] roots = destination.revision() == TargetResolver.BASE
                ? bases : graph.children[destination.revision()];
        if (destination.branch() != null && roots.length > 1) {
            boolean[] branch = Reach.ancestors(graph, new int[] {resolver.resolveBranch(destination.branch())}, false);
            roots = Arrays.stream(roots).filter(r -> branch[r]).toArray();
            if (roots.length == 0) {
                throw new TargetException("Target '" + target.text() + "' is not a valid downgrade target: branch '"
                        + destination.branch() + "' does not start from there. Name a revision on that branch.");
            }
        }
        return roots;
    }

    private Plan plan(Direction direction, List<String> rows, int[] current, boolean[] applied, int[] order) {
        VersionTableReplay replay = new VersionTableReplay(graph, rows, current, applied);
        List<PlanStep> steps = new ArrayList<>(order.length);
        for (int revision : order) {
            VersionChange change = direction == Direction.UP ? replay.upgrade(revision) : replay.downgrade(revision);
            steps.add(new PlanStep(graph.revisions[revision], direction, change));
        }
        return new Plan(direction, rows, steps, replay.rows());
    }

    private String describe(int[] positions) {
        return positions.length == 0 ? "none applied" : resolver.ids(positions);
    }

    private static void reverse(int[] order) {
        for (int i = 0, j = order.length - 1; i < j; i++, j--) {
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
