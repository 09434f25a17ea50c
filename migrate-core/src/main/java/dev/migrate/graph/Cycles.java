package dev.migrate.graph;

import dev.migrate.graph.GraphProblem.Attribute;
import dev.migrate.graph.GraphProblem.Blame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cycles through revises and dependsOn with an iterative Tarjan pass (no recursion, so
 * 100,000 revisions cannot overflow the stack), and reports one path per strongly connected part.
 */
final class Cycles {

    private final List<RevisionDescriptor> nodes = new ArrayList<>();
    private final List<int[]> edges = new ArrayList<>();
    private final List<Attribute[]> edgeKinds = new ArrayList<>();

    private Cycles(List<RevisionDescriptor> revisions, Map<String, List<RevisionDescriptor>> byLabel) {
        Map<String, Integer> index = new HashMap<>(revisions.size() * 2);
        for (RevisionDescriptor revision : revisions) {
            if (index.putIfAbsent(revision.id(), nodes.size()) == null) {
                nodes.add(revision);
            }
        }
        List<Integer> targets = new ArrayList<>();
        List<Attribute> kinds = new ArrayList<>();
        for (RevisionDescriptor revision : nodes) {
            targets.clear();
            kinds.clear();
            addEdges(revision, revision.revises(), Attribute.REVISES, index, null, targets, kinds);
            addEdges(revision, revision.dependsOn(), Attribute.DEPENDS_ON, index, byLabel, targets, kinds);
            int[] out = new int[targets.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = targets.get(i);
            }
            edges.add(out);
            edgeKinds.add(kinds.toArray(new Attribute[0]));
        }
    }

    private static void addEdges(RevisionDescriptor revision, List<String> references, Attribute kind,
            Map<String, Integer> index, Map<String, List<RevisionDescriptor>> byLabel, List<Integer> targets,
            List<Attribute> kinds) {
        for (String reference : references) {
            Integer target = index.get(reference);
            if (target == null && byLabel != null && byLabel.containsKey(reference)) {
                target = index.get(byLabel.get(reference).get(0).id());
            }
            // Self references are reported on their own; unknown ones have no edge.
            if (target != null && !reference.equals(revision.id())) {
                targets.add(target);
                kinds.add(kind);
            }
        }
    }

    static List<GraphProblem> find(List<RevisionDescriptor> revisions, Map<String, List<RevisionDescriptor>> byLabel) {
        return new Cycles(revisions, byLabel).findAll();
    }

    private List<GraphProblem> findAll() {
        if (acyclic()) {
            return List.of();
        }
        int[] component = components();
        List<GraphProblem> problems = new ArrayList<>();
        int[] size = new int[nodes.size()];
        for (int c : component) {
            size[c]++;
        }
        boolean[] reported = new boolean[nodes.size()];
        for (int v = 0; v < nodes.size(); v++) {
            int c = component[v];
            if (size[c] > 1 && !reported[c]) {
                reported[c] = true;
                problems.add(cycleFrom(v, component));
            }
        }
        return problems;
    }

    /** Walks edges inside the component until a revision repeats; the repeated stretch is a cycle. */
    private GraphProblem cycleFrom(int start, int[] component) {
        Map<Integer, Integer> positionInWalk = new HashMap<>();
        List<Integer> walk = new ArrayList<>();
        List<Attribute> via = new ArrayList<>();
        int v = start;
        while (!positionInWalk.containsKey(v)) {
            positionInWalk.put(v, walk.size());
            walk.add(v);
            int[] out = edges.get(v);
            int chosen = -1;
            for (int i = 0; i < out.length && chosen < 0; i++) {
                if (component[out[i]] == component[start]) {
                    chosen = i;
                }
            }
            via.add(edgeKinds.get(v)[chosen]);
            v = out[chosen];
        }
        int from = positionInWalk.get(v);
        List<RevisionDescriptor> path = new ArrayList<>();
        List<Blame> blame = new ArrayList<>();
        for (int i = from; i < walk.size(); i++) {
            RevisionDescriptor revision = nodes.get(walk.get(i));
            RevisionDescriptor next = nodes.get(i + 1 < walk.size() ? walk.get(i + 1) : v);
            path.add(revision);
            blame.add(new Blame(revision, via.get(i), referenceTo(revision, via.get(i), next)));
        }
        return new GraphProblem.Cycle(path, blame);
    }

    /** The value as written in the annotation (an id, or for dependsOn possibly a label). */
    private static String referenceTo(RevisionDescriptor revision, Attribute kind, RevisionDescriptor next) {
        List<String> values = kind == Attribute.REVISES ? revision.revises() : revision.dependsOn();
        if (values.contains(next.id())) {
            return next.id();
        }
        return values.stream().filter(next.branchLabels()::contains).findFirst().orElse(next.id());
    }

    /** Kahn's algorithm: true when every revision can be ordered, the common case, without Tarjan's pass. */
    private boolean acyclic() {
        int n = nodes.size();
        int[] waiting = new int[n];
        int[] usedBy = new int[n + 1];
        for (int[] out : edges) {
            for (int target : out) {
                usedBy[target + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            usedBy[i + 1] += usedBy[i];
        }
        int[] users = new int[usedBy[n]];
        int[] fill = Arrays.copyOf(usedBy, n);
        for (int v = 0; v < n; v++) {
            waiting[v] = edges.get(v).length;
            for (int target : edges.get(v)) {
                users[fill[target]++] = v;
            }
        }
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (waiting[v] == 0) {
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int i = usedBy[v]; i < usedBy[v + 1]; i++) {
                if (--waiting[users[i]] == 0) {
                    queue[tail++] = users[i];
                }
            }
        }
        return tail == n;
    }

    /** Iterative Tarjan: component number per node. */
    private int[] components() {
        int n = nodes.size();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        int[] edgeCursor = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Integer> call = new ArrayDeque<>();
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            call.push(root);
            while (!call.isEmpty()) {
                int v = call.peek();
                if (index[v] < 0) {
                    index[v] = low[v] = counter++;
                    stack.push(v);
                    onStack[v] = true;
                }
                int[] out = edges.get(v);
                if (edgeCursor[v] < out.length) {
                    int w = out[edgeCursor[v]++];
                    if (index[w] < 0) {
                        call.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                call.pop();
                if (!call.isEmpty()) {
                    int parent = call.peek();
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
            }
        }
        return component;
    }
}
