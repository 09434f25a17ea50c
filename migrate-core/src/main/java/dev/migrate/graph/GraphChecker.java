package dev.migrate.graph;

import dev.migrate.graph.GraphProblem.Attribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every problem in a set of revisions; never stops at the first one, so a build reports all
 * of them at once.
 */
final class GraphChecker {

    private final List<RevisionDescriptor> revisions;
    /** The first revision with each id; later ones with the same id are only in {@link #duplicates}. */
    private final Map<String, RevisionDescriptor> byId;
    private final Map<String, List<RevisionDescriptor>> duplicates = new LinkedHashMap<>();
    private final Map<String, List<RevisionDescriptor>> byLabel = new LinkedHashMap<>();
    private final List<GraphProblem> problems = new ArrayList<>();

    private GraphChecker(Collection<RevisionDescriptor> revisions) {
        this.revisions = List.copyOf(revisions);
        byId = new HashMap<>(this.revisions.size() * 2);
        for (RevisionDescriptor revision : this.revisions) {
            RevisionDescriptor first = byId.putIfAbsent(revision.id(), revision);
            if (first != null) {
                duplicates.computeIfAbsent(revision.id(), k -> new ArrayList<>(List.of(first))).add(revision);
            }
            for (String label : revision.branchLabels()) {
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(revision);
            }
        }
    }

    static List<GraphProblem> check(Collection<RevisionDescriptor> revisions) {
        GraphChecker checker = new GraphChecker(revisions);
        checker.checkIds();
        checker.checkLabels();
        checker.checkReferences();
        checker.problems.addAll(Cycles.find(checker.revisions, checker.byLabel));
        return List.copyOf(checker.problems);
    }

    private void checkIds() {
        for (RevisionDescriptor revision : revisions) {
            RevisionIds.violation(revision.id()).ifPresent(reason ->
                    problems.add(new GraphProblem.InvalidId(revision, Attribute.ID, revision.id(), reason)));
        }
        duplicates.forEach((id, holders) -> problems.add(new GraphProblem.DuplicateId(id, holders)));
    }

    private void checkLabels() {
        for (RevisionDescriptor revision : revisions) {
            for (String label : revision.branchLabels()) {
                RevisionIds.violation(label).ifPresent(reason ->
                        problems.add(new GraphProblem.InvalidId(revision, Attribute.BRANCH_LABELS, label, reason)));
            }
        }
        byLabel.forEach((label, holders) -> {
            RevisionDescriptor idOwner = byId.get(label);
            if (idOwner != null) {
                problems.add(new GraphProblem.DuplicateBranchLabel(label, holders, idOwner));
            } else if (holders.size() > 1) {
                problems.add(new GraphProblem.DuplicateBranchLabel(label, holders, null));
            }
        });
    }

    private void checkReferences() {
        for (RevisionDescriptor revision : revisions) {
            for (String parent : revision.revises()) {
                checkReference(revision, Attribute.REVISES, parent, false);
            }
            for (String dependency : revision.dependsOn()) {
                checkReference(revision, Attribute.DEPENDS_ON, dependency, true);
            }
        }
    }

    private void checkReference(RevisionDescriptor revision, Attribute attribute, String value, boolean labelAllowed) {
        if (value.equals(revision.id())) {
            problems.add(new GraphProblem.SelfReference(revision, attribute));
        } else if (!byId.containsKey(value) && !(labelAllowed && byLabel.containsKey(value))) {
            List<String> candidates = new ArrayList<>(byId.keySet());
            if (labelAllowed) {
                candidates.addAll(byLabel.keySet());
            }
            problems.add(new GraphProblem.UnknownReference(revision, attribute, value,
                    ClosestIds.suggest(value, candidates)));
        }
    }
}
