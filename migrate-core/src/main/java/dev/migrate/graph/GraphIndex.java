package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The precomputed adjacency of a valid graph, by position. Positions follow the input order,
 * which plays the part of the order of Alembic's revision map (it decides the order in which
 * independent branches are walked).
 *
 * <p>Three kinds of edges, as in Alembic: {@code parents} are the versioned down revisions
 * ({@code revises}); {@code downs} adds the dependencies not already implied by an ancestor
 * (Alembic's {@code _normalized_down_revisions}); {@code ups} is the reverse of {@code downs}.
 * Reachability through {@code downs} equals reachability through all dependencies.
 */
final class GraphIndex {

    final RevisionDescriptor[] revisions;
    final Map<String, Integer> byId;
    final Map<String, Integer> labelOwner;
    final int[][] parents;
    final int[][] children;
    final int[][] downs;
    final int[][] ups;
    /** Number of revisions naming this one in revises or dependsOn (Alembic's {@code _all_nextrev}). */
    final int[] allChildCount;
    final int[] topologicalOrder;
    final String[] sortedIds;

    GraphIndex(List<RevisionDescriptor> input) {
        int n = input.size();
        revisions = input.toArray(new RevisionDescriptor[0]);
        byId = new HashMap<>(n * 2);
        labelOwner = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byId.put(revisions[i].id(), i);
            for (String label : revisions[i].branchLabels()) {
                labelOwner.put(label, i);
            }
        }
        parents = new int[n][];
        int[][] dependencies = new int[n][];
        for (int i = 0; i < n; i++) {
            parents[i] = resolve(revisions[i].revises(), false);
            dependencies[i] = resolve(revisions[i].dependsOn(), true);
        }
        allChildCount = new int[n];
        children = reverse(parents, n);
        topologicalOrder = topologicalOrder(dependencies);
        downs = normalizedDowns(dependencies);
        ups = reverse(downs, n);
        for (int i = 0; i < n; i++) {
            Set<Integer> all = new HashSet<>();
            for (int p : parents[i]) {
                all.add(p);
            }
            for (int d : dependencies[i]) {
                all.add(d);
            }
            all.forEach(d -> allChildCount[d]++);
        }
        sortedIds = byId.keySet().toArray(new String[0]);
        Arrays.sort(sortedIds);
    }

    int size() {
        return revisions.length;
    }

    String id(int position) {
        return revisions[position].id();
    }

    private int[] resolve(List<String> references, boolean labelsAllowed) {
        Set<Integer> resolved = new LinkedHashSet<>();
        for (String reference : references) {
            Integer position = byId.get(reference);
            if (position == null && labelsAllowed) {
                position = labelOwner.get(reference);
            }
            resolved.add(position);
        }
        return resolved.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[][] reverse(int[][] edges, int n) {
        int[] counts = new int[n];
        for (int[] out : edges) {
            for (int target : out) {
                counts[target]++;
            }
        }
        int[][] reversed = new int[n][];
        for (int i = 0; i < n; i++) {
            reversed[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int target : edges[i]) {
                reversed[target][counts[target]++] = i;
            }
        }
        return reversed;
    }

    /** Kahn's algorithm over revises and dependsOn; ties broken by input position. */
    private int[] topologicalOrder(int[][] dependencies) {
        int n = size();
        int[] waiting = new int[n];
        List<List<Integer>> released = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            released.add(new ArrayList<>(1));
        }
        for (int i = 0; i < n; i++) {
            Set<Integer> before = new HashSet<>();
            for (int p : parents[i]) {
                before.add(p);
            }
            for (int d : dependencies[i]) {
                before.add(d);
            }
            waiting[i] = before.size();
            for (int b : before) {
                released.get(b).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order[count++] = next;
            for (int later : released.get(next)) {
                if (--waiting[later] == 0) {
                    ready.add(later);
                }
            }
        }
        return order;
    }

    /**
     * Parents plus the dependencies that no versioned ancestor already depends on (Alembic's
     * {@code _normalize_depends_on}). The implied set is built in topological order and shared
     * down plain chains, so this stays linear when dependencies are few.
     */
    private int[][] normalizedDowns(int[][] dependencies) {
        int n = size();
        @SuppressWarnings("unchecked")
        Set<Integer>[] implied = new Set[n];
        Set<Integer> none = Set.of();
        int[][] result = new int[n][];
        for (int position : topologicalOrder) {
            implied[position] = impliedBy(position, implied, dependencies, none);
            Set<Integer> down = new LinkedHashSet<>();
            for (int p : parents[position]) {
                down.add(p);
            }
            for (int d : dependencies[position]) {
                if (!implied[position].contains(d)) {
                    down.add(d);
                }
            }
            result[position] = down.stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    private Set<Integer> impliedBy(int position, Set<Integer>[] implied, int[][] dependencies, Set<Integer> none) {
        int[] ps = parents[position];
        if (ps.length == 0) {
            return none;
        }
        if (ps.length == 1 && dependencies[ps[0]].length == 0) {
            return implied[ps[0]];
        }
        Set<Integer> union = new HashSet<>();
        for (int p : ps) {
            union.addAll(implied[p]);
            for (int d : dependencies[p]) {
                union.add(d);
            }
        }
        return union.isEmpty() ? none : union;
    }
}
