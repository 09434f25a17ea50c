package dev.migrate.graph;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * The order in which Alembic's {@code _topological_sort} emits a set of revisions, newest first
 * (upgrades run it reversed). It walks down from the given heads, in input order, one line at a
 * time; a revision that another pending line still leads to is deferred, and the walk switches to
 * the first (oldest) pending line that leads to it.
 *
 * <p>Alembic recomputes ancestor sets for that test. Here "another pending line leads to it" is
 * "it has a child in the set that is not emitted yet" (the sets a plan sorts are closed between
 * their members, so the two are the same), kept as a counter; only the switch target needs a
 * walk over the still pending revisions above. A history range can cut a line (its members are
 * joined only through revisions outside it, the gaps); Alembic's ancestor sets run through the
 * gaps, so here a member reached down through gaps counts as a child too. Lines are slots in a sorted map whose keys keep
 * Alembic's list positions: a line moving down keeps its slot, a merge's further parents get new
 * slots at the end.
 */
final class AlembicOrder {

    private final GraphIndex graph;
    private final boolean[] todo;
    private final int[] pendingChildren;
    private final int[] slotOf;
    private final TreeMap<Integer, Integer> slots = new TreeMap<>();
    private final int[] visitMark;
    private final boolean[] gap;
    private final int[][] downThroughGaps;
    private int visitEpoch;
    private int nextSlot;

    private AlembicOrder(GraphIndex graph, boolean[] todo) {
        this.graph = graph;
        this.todo = todo.clone();
        int n = graph.size();
        pendingChildren = new int[n];
        slotOf = new int[n];
        visitMark = new int[n];
        Arrays.fill(slotOf, -1);
        for (int i = 0; i < n; i++) {
            if (todo[i]) {
                for (int down : graph.downs[i]) {
                    if (todo[down]) {
                        pendingChildren[down]++;
                    }
                }
            }
        }
        gap = gaps(graph, todo);
        downThroughGaps = new int[n][];
        for (int i = 0; i < n; i++) {
            if (todo[i]) {
                downThroughGaps[i] = membersBelowThroughGaps(i);
                for (int below : downThroughGaps[i]) {
                    pendingChildren[below]++;
                }
            }
        }
    }

    /** Revisions outside {@code todo} that lie between two of its members. */
    private static boolean[] gaps(GraphIndex graph, boolean[] todo) {
        int[] members = java.util.stream.IntStream.range(0, todo.length).filter(i -> todo[i]).toArray();
        boolean[] above = Reach.descendants(graph, members, true);
        boolean[] below = Reach.ancestors(graph, members, true);
        boolean[] result = new boolean[todo.length];
        for (int i = 0; i < todo.length; i++) {
            result[i] = above[i] && below[i] && !todo[i];
        }
        return result;
    }

    /** Members reached down from {@code member} through one or more gaps (none for a closed set). */
    private int[] membersBelowThroughGaps(int member) {
        java.util.Set<Integer> found = new java.util.LinkedHashSet<>();
        java.util.Deque<Integer> stack = new java.util.ArrayDeque<>();
        boolean[] seen = new boolean[todo.length];
        for (int down : graph.downs[member]) {
            if (gap[down] && !seen[down]) {
                seen[down] = true;
                stack.push(down);
            }
        }
        while (!stack.isEmpty()) {
            for (int down : graph.downs[stack.pop()]) {
                if (seen[down]) {
                    continue;
                }
                seen[down] = true;
                if (todo[down]) {
                    found.add(down);
                } else if (gap[down]) {
                    stack.push(down);
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The members of {@code set}, newest first, starting from {@code heads} as Alembic does. */
    static int[] newestFirst(GraphIndex graph, boolean[] set, int[] heads) {
        return new AlembicOrder(graph, set).sort(heads);
    }

    private int[] sort(int[] heads) {
        int[] start = Arrays.stream(heads).filter(h -> todo[h]).distinct().sorted().toArray();
        for (int head : start) {
            place(nextSlot++, head);
        }
        int count = 0;
        for (boolean member : todo) {
            count += member ? 1 : 0;
        }
        int[] output = new int[count];
        int emitted = 0;
        while (emitted < count) {
            Integer cursor = slots.isEmpty() ? null : slots.firstKey();
            while (cursor != null) {
                int candidate = slots.get(cursor);
                if (pendingChildren[candidate] > 0) {
                    int above = firstSlotAbove(candidate);
                    // Nothing above it holds a slot (a range cut across a merge): start again from the
                    // tops the walk has not reached, below.
                    cursor = above == Integer.MAX_VALUE ? null : above;
                    continue;
                }
                output[emitted++] = candidate;
                cursor = emit(cursor, candidate);
            }
            if (emitted < count) {
                restartFromUnreachedTops();
            }
        }
        return output;
    }

    /**
     * A set reached from its heads only through revisions outside it (a history range cut across
     * a dependency) would make Alembic fail an assertion; here the walk goes on from the
     * remaining revisions that nothing left in the set stands on, in input order.
     */
    private void restartFromUnreachedTops() {
        for (int i = 0; i < todo.length; i++) {
            if (todo[i] && pendingChildren[i] == 0 && slotOf[i] < 0) {
                place(nextSlot++, i);
            }
        }
    }

    /** Emits {@code candidate} from slot {@code cursor}; returns the slot to continue with. */
    private Integer emit(int cursor, int candidate) {
        todo[candidate] = false;
        slotOf[candidate] = -1;
        for (int below : downThroughGaps[candidate]) {
            pendingChildren[below]--;
        }
        int[] downs = graph.downs[candidate];
        boolean replaced = false;
        for (int down : downs) {
            if (todo[down]) {
                pendingChildren[down]--;
                if (slotOf[down] < 0) {
                    place(replaced ? nextSlot++ : cursor, down);
                    replaced = true;
                }
            }
        }
        if (replaced) {
            return cursor;
        }
        slots.remove(cursor);
        Integer lower = slots.lowerKey(cursor);
        return lower != null ? lower : (slots.isEmpty() ? null : slots.firstKey());
    }

    private void place(int slot, int revision) {
        slots.put(slot, revision);
        slotOf[revision] = slot;
    }

    /** The first slot whose revision descends from {@code revision} through pending revisions. */
    private int firstSlotAbove(int revision) {
        visitEpoch++;
        int best = Integer.MAX_VALUE;
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = revision;
        visitMark[revision] = visitEpoch;
        while (top > 0) {
            int node = stack[--top];
            for (int up : graph.ups[node]) {
                if ((todo[up] || gap[up]) && visitMark[up] != visitEpoch) {
                    visitMark[up] = visitEpoch;
                    if (slotOf[up] >= 0) {
                        best = Math.min(best, slotOf[up]);
                    }
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = up;
                }
            }
        }
        return best;
    }
}
