package dev.migrate.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The branch labels each revision carries, by Alembic's {@code _add_branches} rule: a label
 * covers the revision declaring it and all its descendants through revises; when those
 * descendants form one plain line, it also extends downwards below the declaring revision until
 * a branch point (counting dependents) or a merge point, so the whole stretch from the fork is
 * named.
 */
final class BranchLabels {

    private BranchLabels() {
    }

    static Map<Integer, Set<String>> compute(GraphIndex graph) {
        Map<Integer, Set<String>> labels = new HashMap<>();
        for (int position = 0; position < graph.size(); position++) {
            if (!graph.revisions[position].branchLabels().isEmpty()) {
                label(graph, position, labels);
            }
        }
        return labels;
    }

    private static void label(GraphIndex graph, int declaring, Map<Integer, Set<String>> labels) {
        var own = graph.revisions[declaring].branchLabels();
        boolean[] descendants = Reach.descendants(graph, new int[] {declaring}, false);
        int tip = -1;
        int tips = 0;
        for (int i = 0; i < descendants.length; i++) {
            if (descendants[i]) {
                labels.computeIfAbsent(i, k -> new TreeSet<>()).addAll(own);
                if (graph.children[i].length == 0) {
                    tip = i;
                    tips++;
                }
            }
        }
        if (tips != 1) {
            return;
        }
        int node = tip;
        while (graph.allChildCount[node] <= 1 && graph.parents[node].length <= 1) {
            labels.computeIfAbsent(node, k -> new TreeSet<>()).addAll(own);
            if (graph.parents[node].length == 0) {
                break;
            }
            node = graph.parents[node][0];
        }
    }
}
