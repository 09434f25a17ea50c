package dev.migrate.processor;

import dev.migrate.graph.GraphProblem.Blame;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.processor.Diagnostics.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Several heads: a warning when no branch labels tell them apart (the target {@code head} is then
 * ambiguous and only {@code heads} upgrades), an error whenever there are several heads under
 * {@code -Amigrate.heads=single}. Which heads a label leads to is asked of core's graph
 * ({@code headsPerBranch}), never worked out here.
 */
final class HeadDiagnostics {

    private final GraphDiagnostics positions;
    private final Diagnostics diagnostics;
    private final ProcessorOptions options;

    HeadDiagnostics(GraphDiagnostics positions, Diagnostics diagnostics, ProcessorOptions options) {
        this.positions = positions;
        this.diagnostics = diagnostics;
        this.options = options;
    }

    /** Reports on the revisions of a graph that has no problems. */
    void report(List<RevisionDescriptor> descriptors, Map<String, RevisionSource> byBinaryName) {
        RevisionGraph graph = RevisionGraph.of(descriptors);
        Set<String> heads = graph.heads();
        if (heads.size() < 2) {
            return;
        }
        if (options.singleHead()) {
            report(true, heads, graph, byBinaryName, "The revisions have " + heads.size() + " heads ("
                    + describe(heads, graph) + ") but -A" + ProcessorOptions.HEADS + "=single requires one: "
                    + "add a merge revision that revises all of them (mvn migrate:merge).");
            return;
        }
        Set<String> unlabelled = new TreeSet<>(heads);
        unlabelled.removeAll(labelledHeads(graph));
        if (unlabelled.size() > 1) {
            report(false, unlabelled, graph, byBinaryName, "The revisions have " + heads.size() + " heads and "
                    + "no branch label tells " + describe(unlabelled, graph) + " apart, so the target 'head' "
                    + "is ambiguous: add a merge revision that revises them (mvn migrate:merge), or give each "
                    + "branch a label (branchLabels = \"...\") to upgrade it with label@head. "
                    + "Compile with -A" + ProcessorOptions.HEADS + "=single to make several heads an error.");
        }
    }

    /** The heads that some {@code label@head} target resolves to: labels whose branch has one head. */
    private static Set<String> labelledHeads(RevisionGraph graph) {
        Set<String> reached = new TreeSet<>();
        graph.headsPerBranch().values().stream()
                .filter(heads -> heads.size() == 1)
                .forEach(reached::addAll);
        return reached;
    }

    private void report(boolean error, Set<String> heads, RevisionGraph graph,
            Map<String, RevisionSource> byBinaryName, String message) {
        List<Position> places = new ArrayList<>();
        for (String head : heads) {
            RevisionDescriptor descriptor = graph.find(head).orElseThrow();
            Optional<Position> place = positions.position(new Blame(descriptor, null, null), byBinaryName);
            place.ifPresent(places::add);
        }
        if (places.isEmpty()) {
            places.add(Position.NONE);
        }
        for (Position place : places) {
            if (error) {
                diagnostics.error(message, place);
            } else {
                diagnostics.warning(message, place);
            }
        }
    }

    private static String describe(Set<String> heads, RevisionGraph graph) {
        return heads.stream()
                .map(id -> id + " in " + graph.find(id).map(RevisionDescriptor::origin).orElse("?"))
                .collect(Collectors.joining(", "));
    }
}
