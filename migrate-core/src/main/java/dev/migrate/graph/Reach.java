package dev.migrate.graph;

/**
 * Ancestor and descendant sets, walked with an explicit stack (no recursion, so deep histories
 * cannot overflow the stack). Every set includes its starting revisions, as Alembic's
 * {@code _get_ancestor_nodes} and {@code _get_descendant_nodes} do.
 */
final class Reach {

    private Reach() {
    }

    /** Ancestors through revises only ({@code withDependencies} false) or through dependsOn too. */
    static boolean[] ancestors(GraphIndex graph, int[] starts, boolean withDependencies) {
        return walk(withDependencies ? graph.downs : graph.parents, graph.size(), starts);
    }

    /** Descendants through revises only ({@code withDependencies} false) or through dependsOn too. */
    static boolean[] descendants(GraphIndex graph, int[] starts, boolean withDependencies) {
        return walk(withDependencies ? graph.ups : graph.children, graph.size(), starts);
    }

    /**
     * Alembic's {@code _get_all_current}: the topmost applied revision of every line, that is the
     * rows and everything below them (through dependsOn too) that no applied revision revises.
     * A revision kept applied only by a dependent's dependsOn is such a top without being a row.
     */
    static int[] appliedTops(GraphIndex graph, int[] rows) {
        boolean[] applied = ancestors(graph, rows, true);
        return java.util.stream.IntStream.range(0, applied.length)
                .filter(i -> applied[i] && java.util.Arrays.stream(graph.children[i]).noneMatch(c -> applied[c]))
                .toArray();
    }

    private static boolean[] walk(int[][] edges, int size, int[] starts) {
        boolean[] seen = new boolean[size];
        int[] stack = new int[Math.max(16, starts.length)];
        int top = 0;
        for (int start : starts) {
            if (!seen[start]) {
                seen[start] = true;
                stack[top++] = start;
            }
        }
        while (top > 0) {
            int node = stack[--top];
            for (int next : edges[node]) {
                if (!seen[next]) {
                    seen[next] = true;
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[top++] = next;
                }
            }
        }
        return seen;
    }
}
