package dev.migrate.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the version table's rows while a plan is built, and computes each step's
 * {@link VersionChange} by the rules of Alembic's {@code HeadMaintainer.update_to_step}:
 * <ul>
 * <li>upgrade of a base, or of a revision none of whose parents is a row: insert it;</li>
 * <li>upgrade of a merge with two or more parents as rows: delete those rows, add the merge;</li>
 * <li>downgrade of a row none of whose parents would become a row (a base, or parents still
 *     below another row): delete it;</li>
 * <li>downgrade of a merge: replace it by those parents that no other row leads to (unmerge);</li>
 * <li>otherwise: one row replaced by another (an UPDATE).</li>
 * </ul>
 * "No other row leads to it" is answered from a running count of applied children instead of
 * Alembic's ancestor walks, so a step costs only its number of parents; only a revision with
 * several parents whose parent has other applied children walks up from that parent.
 */
final class VersionTableReplay {

    private final GraphIndex graph;
    private final List<String> rows;
    private final Set<Integer> heads = new HashSet<>();
    private final boolean[] applied;
    private final int[] appliedChildren;

    /**
     * @param applied the revisions applied now: {@code headPositions} and all their ancestors
     *                (the caller has computed them already; this copy is kept up to date)
     */
    VersionTableReplay(GraphIndex graph, List<String> rowsBefore, int[] headPositions, boolean[] applied) {
        this.graph = graph;
        this.rows = new ArrayList<>(rowsBefore);
        for (int head : headPositions) {
            heads.add(head);
        }
        this.applied = applied.clone();
        appliedChildren = new int[graph.size()];
        for (int i = 0; i < applied.length; i++) {
            if (applied[i]) {
                for (int down : graph.downs[i]) {
                    appliedChildren[down]++;
                }
            }
        }
    }

    List<String> rows() {
        return List.copyOf(rows);
    }

    VersionChange upgrade(int revision) {
        int[] downs = graph.downs[revision];
        List<Integer> present = new ArrayList<>();
        for (int down : downs) {
            if (heads.contains(down)) {
                present.add(down);
            }
        }
        // Insert (new branch), merge (several rows into one) and update differ only in the rows removed.
        VersionChange change = apply(present, List.of(revision));
        applied[revision] = true;
        for (int down : downs) {
            appliedChildren[down]++;
        }
        return change;
    }

    VersionChange downgrade(int revision) {
        int[] downs = graph.downs[revision];
        VersionChange change;
        if (heads.contains(revision)) {
            // Delete when no parent becomes a row; unmerge or update otherwise.
            change = apply(List.of(revision), parentsBecomingRows(revision, downs));
        } else if (downs.length == 1) {
            change = apply(List.of(revision), List.of(downs[0]));
        } else {
            throw new IllegalStateException("downgrade of " + graph.id(revision) + " which is not a version row");
        }
        applied[revision] = false;
        for (int down : downs) {
            appliedChildren[down]--;
        }
        return change;
    }

    /**
     * Parents that become rows when {@code revision} is downgraded (Alembic's
     * {@code _unmerge_to_revisions}, as of Alembic 1.13). A parent that is a row already, or that
     * another row stands on, does not. The running count of applied children answers that at once
     * in all but one case: a parent whose other applied children lie only below this revision (a
     * dependency that is also an ancestor of another parent: {@code revises = b, dependsOn = a},
     * b above a). With no other row in the table, Alembic leaves such a parent out, as the count
     * does; with other rows, it checks only whether they stand on it, so it writes that parent as
     * a row of its own, and so does migrate.
     */
    private List<Integer> parentsBecomingRows(int revision, int[] downs) {
        List<Integer> result = new ArrayList<>();
        boolean otherRows = heads.size() > 1;
        for (int down : downs) {
            if (heads.contains(down)) {
                continue;
            }
            int otherChildren = appliedChildren[down] - (applied[revision] ? 1 : 0);
            if (otherChildren == 0 || otherRows && downs.length > 1 && !belowAnotherRow(down, revision)) {
                result.add(down);
            }
        }
        // Alembic updates the merge's row to the last of them and inserts the others; the engine
        // updates to the first added row (VersionTable.changes), so the last comes first.
        java.util.Collections.reverse(result);
        return result;
    }

    /** Whether an applied revision above {@code start}, other than {@code revision}, is a row. */
    private boolean belowAnotherRow(int start, int revision) {
        boolean[] seen = new boolean[graph.size()];
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        while (!todo.isEmpty()) {
            for (int up : graph.ups[todo.pop()]) {
                if (up == revision || seen[up] || !applied[up]) {
                    continue;
                }
                if (heads.contains(up)) {
                    return true;
                }
                seen[up] = true;
                todo.push(up);
            }
        }
        return false;
    }

    private VersionChange apply(List<Integer> removed, List<Integer> added) {
        List<String> removedIds = new ArrayList<>(removed.size());
        for (int r : removed) {
            heads.remove(r);
            rows.remove(graph.id(r));
            removedIds.add(graph.id(r));
        }
        List<String> addedIds = new ArrayList<>(added.size());
        for (int a : added) {
            heads.add(a);
            rows.add(graph.id(a));
            addedIds.add(graph.id(a));
        }
        return new VersionChange(removedIds, addedIds);
    }
}
