package dev.migrate.graph;

import dev.migrate.MigrateException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a new revision goes and what a merge joins (Alembic's {@code revision} and {@code merge}
 * commands): the parents a new revision revises ({@code head}, {@code label@head}, a spliced id or a
 * new base), what its depends_on references become, whether a branch label is valid, and which
 * revisions a merge revises. The rules live here rather than in the goals that write the sources,
 * so they are tested on graphs alone and every caller applies the same ones.
 */
public final class RevisionPlacement {

    private final RevisionGraph graph;

    private RevisionPlacement(RevisionGraph graph) {
        this.graph = graph;
    }

    /** The rules over this graph. */
    public static RevisionPlacement in(RevisionGraph graph) {
        return new RevisionPlacement(graph);
    }

    /** The rules for a project that has no revision yet: the new revision is the first base. */
    public static RevisionPlacement noRevisionsYet() {
        return new RevisionPlacement(RevisionGraph.of(List.of()));
    }

    /**
     * The parents of a new revision: {@code head} (the default; the graph must have one head, or
     * none), {@code base} (a new independent base), {@code label@head} (the one head of that branch),
     * or an id, prefix or label, which must be a head unless {@code splice} starts a branch from it.
     */
    public List<String> parents(String head, boolean splice) {
        String wanted = head == null || head.isBlank() ? "head" : head.trim();
        if (graph.revisions().isEmpty() || "base".equals(wanted)) {
            return List.of();
        }
        if ("head".equals(wanted)) {
            if (graph.heads().size() > 1) {
                throw new MigrateException("The code has " + graph.heads().size() + " heads ("
                        + String.join(", ", graph.heads()) + "). Choose the parent with -Dmigrate.head=<id or label@head>,"
                        + " or join them first with migrate:merge.");
            }
            return List.copyOf(graph.heads());
        }
        if (wanted.endsWith("@head")) {
            return List.of(branchHead(wanted));
        }
        RevisionDescriptor parent = graph.revision(wanted);
        if (!graph.heads().contains(parent.id()) && !splice) {
            throw new MigrateException("migrate.head is " + parent.id() + ", which is not a head: revising it starts a"
                    + " new branch. Add -Dmigrate.splice=true if that is what you want.");
        }
        return List.of(parent.id());
    }

    /**
     * The one head above the revision {@code label@head} names. Unlike a target, which may stand for
     * several heads, a new revision needs exactly one parent here, so several heads are an error.
     */
    public String branchHead(String labelAtHead) {
        String label = labelAtHead.substring(0, labelAtHead.length() - "@head".length());
        Set<String> heads = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(graph.revision(label).id()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                Set<String> children = graph.children(id);
                if (children.isEmpty()) {
                    heads.add(id);
                }
                todo.addAll(children);
            }
        }
        if (heads.size() != 1) {
            throw new MigrateException("migrate.head is " + labelAtHead + " but the branch has " + heads.size()
                    + " heads (" + String.join(", ", heads) + "). Name one of them by id.");
        }
        return heads.iterator().next();
    }

    /**
     * The depends_on entries of a new revision: a branch label stays a label (it follows its branch,
     * as in Alembic), an id or prefix becomes the full id.
     */
    public List<String> dependencies(List<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        if (graph.revisions().isEmpty()) {
            throw new MigrateException("migrate.dependsOn names " + String.join(", ", references)
                    + " but there are no revisions yet. Compile first, or drop migrate.dependsOn.");
        }
        return references.stream()
                .map(reference -> graph.revision(reference).branchLabels().contains(reference)
                        ? reference : graph.revision(reference).id())
                .toList();
    }

    /**
     * The branch labels of a new revision, checked now by the rule the compiler applies later, so
     * no source that fails to compile is written. Null or blank: none.
     */
    public static List<String> branchLabels(String branchLabel) {
        if (branchLabel == null || branchLabel.isBlank()) {
            return List.of();
        }
        String label = branchLabel.trim();
        RevisionIds.violation(label).ifPresent(problem -> {
            throw new MigrateException("migrate.branchLabel is '" + label + "', which is not a valid branch label: "
                    + problem + ". Branch labels follow the rule for ids (no white space, none of @ - + :, not head,"
                    + " heads or base); choose another, e.g. -Dmigrate.branchLabel=reporting.");
        });
        return List.of(label);
    }

    /**
     * The revisions a merge revises: every head for {@code heads} (or nothing given), else the
     * revisions the references name (ids, prefixes or labels), without repeats. Fewer than two is
     * nothing to merge.
     */
    public List<String> mergeParents(List<String> references) {
        boolean allHeads = references.isEmpty() || references.equals(List.of("heads"));
        List<String> parents = allHeads
                ? List.copyOf(graph.heads())
                : references.stream().map(reference -> graph.revision(reference).id()).distinct().toList();
        if (parents.size() < 2) {
            throw new MigrateException("Nothing to merge: " + (allHeads
                    ? "the code has a single head (" + String.join(", ", graph.heads()) + ")."
                    : "migrate.target names only " + String.join(", ", parents) + "; give two or more revisions."));
        }
        return parents;
    }
}
