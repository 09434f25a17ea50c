package dev.migrate.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** Written once on first use; a race only computes the same array twice. */
    private volatile String[] sortedIds;

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
        int[][] before = new int[n][];
        boolean anyDependency = false;
        for (int i = 0; i < n; i++) {
            parents[i] = resolve(revisions[i].revises(), false);
            dependencies[i] = resolve(revisions[i].dependsOn(), true);
            before[i] = dependencies[i].length == 0 ? parents[i] : union(parents[i], dependencies[i]);
            anyDependency |= dependencies[i].length > 0;
        }
        allChildCount = new int[n];
        for (int[] out : before) {
            for (int d : out) {
                allChildCount[d]++;
            }
        }
        children = reverse(parents, n);
        topologicalOrder = topologicalOrder(before);
        downs = anyDependency ? normalizedDowns(dependencies) : parents;
        ups = anyDependency ? reverse(downs, n) : children;
    }

    /** All ids sorted, for prefix lookups; built on first use since most runs name full ids. */
    String[] sortedIds() {
        String[] ids = sortedIds;
        if (ids == null) {
            ids = byId.keySet().toArray(new String[0]);
            Arrays.sort(ids);
            sortedIds = ids;
        }
        return ids;
    }

    /** A binary min-heap of positions without boxing. */
    private static final class PositionHeap {
        private final int[] heap;
        private int size;

        PositionHeap(int capacity) {
            heap = new int[Math.max(1, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int value) {
            int i = size++;
            while (i > 0 && heap[(i - 1) / 2] > value) {
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            heap[i] = value;
        }

        int poll() {
            int top = heap[0];
            int last = heap[--size];
            int i = 0;
            while (2 * i + 1 < size) {
                int child = 2 * i + 1;
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= last) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }
    }

    int size() {
        return revisions.length;
    }

    String id(int position) {
        return revisions[position].id();
    }

    private static final int[] NONE = new int[0];

    /** Positions of the references, without repeats, in the order written. */
    private int[] resolve(List<String> references, boolean labelsAllowed) {
        if (references.isEmpty()) {
            return NONE;
        }
        int[] resolved = new int[references.size()];
        int count = 0;
        for (String reference : references) {
            Integer position = byId.get(reference);
            if (position == null && labelsAllowed) {
                position = labelOwner.get(reference);
            }
            resolved[count] = position;
            count = contains(resolved, count, position) ? count : count + 1;
        }
        return count == resolved.length ? resolved : Arrays.copyOf(resolved, count);
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** {@code first} followed by the members of {@code second} not in it. */
    private static int[] union(int[] first, int[] second) {
        int[] result = Arrays.copyOf(first, first.length + second.length);
        int count = first.length;
        for (int value : second) {
            if (!contains(result, count, value)) {
                result[count++] = value;
            }
        }
        return count == result.length ? result : Arrays.copyOf(result, count);
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
    private int[] topologicalOrder(int[][] before) {
        int n = size();
        int[][] released = reverse(before, n);
        int[] waiting = new int[n];
        PositionHeap ready = new PositionHeap(n);
        for (int i = 0; i < n; i++) {
            waiting[i] = before[i].length;
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order[count++] = next;
            for (int later : released[next]) {
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
            int[] kept = Arrays.stream(dependencies[position]).filter(d -> !implied[position].contains(d)).toArray();
            result[position] = kept.length == 0 ? parents[position] : union(parents[position], kept);
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
