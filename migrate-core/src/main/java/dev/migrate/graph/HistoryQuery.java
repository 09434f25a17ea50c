package dev.migrate.graph;

import java.util.Arrays;

/**
 * Alembic's {@code history -r from:to} ({@code command.history} and
 * {@code ScriptDirectory.walk_revisions}): the revisions from {@code from} (included) up to
 * {@code to}, newest first. An empty side means base, respectively heads; {@code current} on
 * either side means the version table's rows.
 *
 * <p>One deliberate difference: in {@code -N:current} the relative start counts down from the
 * current revision. Alembic counts it from the script heads whenever that is possible, which
 * only agrees with the obvious reading when the database is at head.
 */
final class HistoryQuery {

    private final GraphIndex graph;
    private final TargetResolver resolver;
    private final RelativeTargets relative;
    private final int[] realHeads;

    HistoryQuery(GraphIndex graph, TargetResolver resolver, int[] realHeads) {
        this.graph = graph;
        this.resolver = resolver;
        this.relative = new RelativeTargets(graph, resolver, false);
        this.realHeads = realHeads;
    }

    int[] newestFirst(String range, int[] current) {
        TargetRange parsed = range == null || range.isBlank() ? new TargetRange("", "")
                : TargetParser.range(range).orElseThrow(() -> new TargetException("History range '" + range
                        + "' needs a colon: from:to, from: or :to (for example base:head, -3:current, ae10:)."));
        boolean upperIsCurrent = parsed.to().equals("current") && current.length > 0;
        boolean lowerIsCurrent = !parsed.to().equals("current") && parsed.from().equals("current");
        Target lowerTarget = lowerIsCurrent || parsed.from().equals("current") && current.length == 0
                ? null : TargetParser.parse(parsed.fromOrBase());
        int[] lower = lowerIsCurrent ? current : new int[0];
        int[] upper = upperIsCurrent ? current
                : relative.upgradeTargets(lowerTarget == null ? lower : startOfUpper(lowerTarget, lower),
                        upperTarget(parsed));
        if (lowerTarget != null) {
            lower = lowerRevisions(lowerTarget, upper, upperIsCurrent);
            upper = filterToBranch(upper, lowerTarget);
        }
        return collect(parsed, lower, upper);
    }

    /**
     * Where a relative upper end ({@code +N}, {@code label@+N}) counts from: the lower end as Alembic's
     * {@code get_revisions} names it without a database, so {@code label@-1:label@+1} counts up from
     * one below the branch's head. A lower end that names nothing that way (a count from a revision,
     * one past base) leaves the count at {@code lower}.
     */
    private int[] startOfUpper(Target lowerTarget, int[] lower) {
        if (!(lowerTarget instanceof Target.Relative rel)) {
            return resolver.revisions(lowerTarget);
        }
        if (rel.symbol() != null || rel.steps() >= 0) {
            return lower;
        }
        try {
            int[] fromHeads = resolver.revisions(rel);
            return fromHeads.length > 0 && Arrays.stream(fromHeads).allMatch(r -> r >= 0) ? fromHeads : lower;
        } catch (TargetException notFromHeads) {
            return lower;
        }
    }

    private static Target upperTarget(TargetRange range) {
        String to = range.to().equals("current") ? "heads" : range.toOrHeads();
        return TargetParser.parse(to);
    }

    private int[] lowerRevisions(Target lower, int[] upper, boolean upperIsCurrent) {
        if (!(lower instanceof Target.Relative)) {
            return resolver.revisions(lower);
        }
        Target.Relative rel = (Target.Relative) lower;
        if (!upperIsCurrent && rel.symbol() == null && rel.steps() < 0) {
            int[] fromHeads = resolver.revisions(rel);
            if (Arrays.stream(fromHeads).allMatch(r -> r >= 0)) {
                // None at all (no head on the branch, or the count ends exactly at base) is base, as
                // Alembic's empty get_revisions; only a count past base falls back below.
                return fromHeads;
            }
        }
        // Alembic's fallback: relative to the upper end, stopping at base.
        int found = relative.downgradeTarget(upper, rel).revision();
        return found == TargetResolver.BASE ? new int[0] : new int[] {found};
    }

    /**
     * A lower end with a branch ({@code label@base:}, {@code label@-1:}, {@code label@rev:}) lists only
     * the upper ends carrying that label (Alembic's {@code _collect_upgrade_revisions}, which filters
     * on any {@code @} in the lower end; a revision id before it stands for its one label).
     */
    private int[] filterToBranch(int[] upper, Target lower) {
        String branch = lower.branch();
        if (branch == null) {
            return upper;
        }
        String label = branch;
        if (!graph.labelOwner.containsKey(branch)) {
            var labels = resolver.labelsOf(resolver.resolveBranch(branch));
            label = labels.size() == 1 ? labels.iterator().next() : branch;
        }
        String wanted = label;
        return Arrays.stream(upper).filter(u -> resolver.labelsOf(u).contains(wanted)).toArray();
    }

    private int[] collect(TargetRange range, int[] lower, int[] upper) {
        boolean[] required = Reach.ancestors(graph, upper, true);
        for (int l : lower) {
            if (!required[l]) {
                throw new TargetException("History range '" + range.from() + ":" + range.to() + "' does not go from"
                        + " an ancestor to a descendant: '" + graph.id(l) + "' is not below " + resolver.ids(upper)
                        + ". Give a start on the same line as the end.");
            }
        }
        boolean[] below = Reach.ancestors(graph, lower, true);
        boolean[] onLine = lower.length == 0 ? null : Reach.descendants(graph, lower, false);
        for (int i = 0; i < required.length; i++) {
            required[i] &= !below[i] && (onLine == null || onLine[i]);
        }
        for (int l : lower) {
            required[l] = true;
        }
        return AlembicOrder.newestFirst(graph, required, upper);
    }
}
