package dev.migrate.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Alembic's {@code stamp} ({@code ScriptDirectory._stamp_revs} and {@code StampStep}): for each
 * target, the current rows on its line are replaced by it (whether it lies above or below them);
 * a target on a line with no row becomes a new row; {@code base} deletes the rows of its line.
 */
final class Stamper {

    private final GraphIndex graph;
    private final TargetResolver resolver;

    Stamper(GraphIndex graph, TargetResolver resolver) {
        this.graph = graph;
        this.resolver = resolver;
    }

    VersionChange stamp(List<String> rowsBefore, int[] current, List<String> targets, boolean purge) {
        if (targets.isEmpty()) {
            throw new TargetException("Stamp needs at least one target (migrate.target), for example heads or base.");
        }
        List<Target> parsed = targets.stream().map(TargetParser::parse).toList();
        if (current.length > 0) {
            rejectRelative(parsed, current);
        }
        Set<Integer> heads = new LinkedHashSet<>();
        if (!purge) {
            for (int c : current) {
                heads.add(c);
            }
        }
        List<Integer> onLine = rowsOnTargetLines(heads, parsed);
        List<Integer> destinations = new ArrayList<>();
        for (Target target : parsed) {
            for (int revision : resolver.revisions(target)) {
                if (revision == TargetResolver.TOO_FAR) {
                    throw new TargetException("Target '" + target.text() + "' goes below base; use a smaller number.");
                }
                destinations.add(revision);
            }
        }
        if (destinations.isEmpty()) {
            onLine.forEach(heads::remove);
        }
        for (int destination : destinations) {
            stampOne(heads, onLine, destination);
        }
        return diff(purge, rowsBefore, heads);
    }

    /**
     * Alembic resolves {@code -N} and {@code label@-N} in a stamp from the script heads, but then
     * fails to match the relative text against the version table's rows; with rows present it is
     * therefore an error here as well. With an empty table (or purge) it counts from the heads.
     */
    private void rejectRelative(List<Target> targets, int[] current) {
        for (Target target : targets) {
            if (target instanceof Target.Relative) {
                throw new TargetException("Stamp target '" + target.text() + "' is relative, but stamp does not move"
                        + " relative to the version table's rows (" + resolver.ids(current) + "). Give a revision id,"
                        + " head, heads, label@head or base; or add migrate.purge=true to count from the heads of an"
                        + " emptied table.");
            }
        }
    }

    /** Alembic's {@code filter_for_lineage(heads, target, include_dependencies=True)} over all targets. */
    private List<Integer> rowsOnTargetLines(Set<Integer> heads, List<Target> targets) {
        Set<Integer> result = new LinkedHashSet<>();
        for (Target target : targets) {
            List<Integer> shares = new ArrayList<>();
            if (target.accept(new BranchOf()) != null) {
                shares.add(resolver.resolveBranch(target.accept(new BranchOf())));
            }
            for (int revision : resolver.revisions(target)) {
                if (revision >= 0) {
                    shares.add(revision);
                }
            }
            int[] starts = shares.stream().mapToInt(Integer::intValue).toArray();
            boolean[] below = Reach.ancestors(graph, starts, true);
            boolean[] above = Reach.descendants(graph, starts, true);
            for (int head : heads) {
                if (starts.length == 0 || below[head] || above[head]) {
                    result.add(head);
                }
            }
        }
        return new ArrayList<>(result);
    }

    private void stampOne(Set<Integer> heads, List<Integer> onLine, int destination) {
        if (onLine.contains(destination)) {
            return;
        }
        boolean[] above = Reach.descendants(graph, new int[] {destination}, true);
        boolean[] below = Reach.ancestors(graph, new int[] {destination}, true);
        boolean related = onLine.stream().anyMatch(h -> above[h] || below[h]);
        if (related) {
            // Alembic's single "merge" step: every row on the target lines becomes the destination.
            onLine.forEach(heads::remove);
        }
        heads.add(destination);
    }

    /** Rows to delete and to insert; with purge every old row is deleted first. */
    private VersionChange diff(boolean purge, List<String> rowsBefore, Set<Integer> headsAfter) {
        List<String> after = headsAfter.stream().map(graph::id).toList();
        List<String> removed = rowsBefore.stream().filter(row -> purge || !after.contains(row)).toList();
        List<String> added = after.stream().filter(row -> purge || !rowsBefore.contains(row)).toList();
        return new VersionChange(removed, added);
    }

    /** The branch part of a target ({@code label@...}), or null. */
    private static final class BranchOf implements TargetVisitor<String> {
        @Override
        public String head(Target.Head t) {
            return t.branch();
        }

        @Override
        public String heads(Target.Heads t) {
            return t.branch();
        }

        @Override
        public String base(Target.Base t) {
            return t.branch();
        }

        @Override
        public String revision(Target.Revision t) {
            return t.branch();
        }

        @Override
        public String relative(Target.Relative t) {
            return t.branch();
        }
    }
}
