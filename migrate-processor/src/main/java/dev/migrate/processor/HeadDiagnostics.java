package dev.migrate.processor;

import dev.migrate.check.CheckFinding;
import dev.migrate.check.HistoryCheck;
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
 * Several heads: the target {@code head}, the default of {@code migrate:upgrade}, is then ambiguous,
 * whether or not a branch label reaches some of them, so every head counts. A warning by default,
 * an error under {@code -Amigrate.heads=single}, nothing under {@code -Amigrate.heads=multiple}
 * (branches kept on purpose and upgraded with {@code heads} or {@code label@head}). Which heads a
 * label leads to is asked of core's graph ({@code headsPerBranch}), and whether there are several of
 * core's check ({@code HistoryCheck.graphFindings}, as {@code migrate:check} asks), never worked out here.
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
        // The rule is migrate:check's (core's MULTIPLE_HEADS finding); only its wording and places are the compiler's.
        Optional<Set<String>> several = HistoryCheck.graphFindings(graph).stream()
                .filter(CheckFinding.MultipleHeads.class::isInstance).map(CheckFinding.MultipleHeads.class::cast)
                .map(finding -> (Set<String>) new TreeSet<>(finding.heads())).findFirst();
        if (several.isEmpty() || options.multipleHeads()) {
            return;
        }
        Set<String> heads = several.get();
        if (options.singleHead()) {
            report(true, heads, graph, byBinaryName, "The revisions have " + heads.size() + " heads ("
                    + describe(heads, graph) + ") but -A" + ProcessorOptions.HEADS + "=single requires one: "
                    + "add a merge revision that revises all of them (mvn migrate:merge).");
            return;
        }
        report(false, heads, graph, byBinaryName, "The revisions have " + heads.size() + " heads ("
                + describe(heads, graph) + "), so the target 'head', the default of migrate:upgrade, is ambiguous:"
                + " add a merge revision that revises them (mvn migrate:merge), or upgrade with"
                + " -Dmigrate.target=heads (label@head for one labelled branch). Compile with -A"
                + ProcessorOptions.HEADS + "=multiple if the branches are meant to stay, or -A"
                + ProcessorOptions.HEADS + "=single to make several heads an error.");
    }

    /** The labels whose {@code label@head} resolves to each head (a label whose branch has one head). */
    private static Map<String, Set<String>> labelsByHead(RevisionGraph graph) {
        Map<String, Set<String>> labels = new java.util.TreeMap<>();
        graph.headsPerBranch().forEach((label, heads) -> {
            if (heads.size() == 1) {
                labels.computeIfAbsent(heads.iterator().next(), head -> new TreeSet<>()).add(label);
            }
        });
        return labels;
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
        Map<String, Set<String>> labels = labelsByHead(graph);
        return heads.stream()
                .map(id -> id + " in " + graph.find(id).map(RevisionDescriptor::origin).orElse("?")
                        + (labels.containsKey(id) ? " (" + String.join("@head, ", labels.get(id)) + "@head)" : ""))
                .collect(Collectors.joining(", "));
    }
}
