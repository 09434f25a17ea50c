package dev.migrate.maven;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Formats revisions for the log the way Alembic's {@code history}, {@code heads} and {@code show} print them. */
final class RevisionText {

    private final RevisionGraph graph;
    private final Collection<String> current;

    RevisionText(RevisionGraph graph, Collection<String> current) {
        this.graph = graph;
        this.current = current;
    }

    /**
     * {@code parent1, parent2 (dependency) -> id (label) (head) (current), message}: the dependencies in
     * parentheses after the parents, as Alembic prints them, since they too decide what an upgrade runs first.
     */
    String line(RevisionDescriptor revision) {
        String parents = revision.isBase() ? "<base>" : String.join(", ", revision.revises());
        String dependencies = revision.dependsOn().isEmpty() ? "" : " (" + String.join(", ", revision.dependsOn()) + ")";
        return parents + dependencies + " -> " + revision.id() + markers(revision) + ", " + revision.message();
    }

    /** {@code id (label) (head), message} without the parents. */
    String shortLine(RevisionDescriptor revision) {
        return revision.id() + markers(revision) + ", " + revision.message();
    }

    /** Every field, one per line, for {@code show} and the verbose modes. */
    List<String> details(RevisionDescriptor revision) {
        List<String> lines = new ArrayList<>();
        lines.add("Revision ID: " + revision.id() + markers(revision));
        lines.add("Revises: " + (revision.isBase() ? "<base>" : String.join(", ", revision.revises())));
        lines.add("Depends on: " + orNone(revision.dependsOn()));
        lines.add("Branch labels: " + orNone(revision.branchLabels()));
        lines.add("Children: " + orNone(List.copyOf(graph.children(revision.id()))));
        lines.add("Class: " + revision.origin());
        lines.add("Message: " + revision.message());
        return lines;
    }

    private String markers(RevisionDescriptor revision) {
        StringBuilder text = new StringBuilder();
        // The labels it declares and those it inherits along its branch, as Alembic marks them: which
        // label@head and label@-1 targets reach it.
        Set<String> labels = graph.branchLabels(revision.id());
        if (!labels.isEmpty()) {
            text.append(" (").append(String.join(", ", labels)).append(')');
        }
        if (graph.effectiveHeads().contains(revision.id())) {
            // Alembic's word for a head another revision depends on.
            text.append(" (effective head)");
        } else if (graph.heads().contains(revision.id())) {
            text.append(" (head)");
        }
        if (graph.branchPoints().contains(revision.id())) {
            text.append(" (branchpoint)");
        }
        if (revision.isMerge()) {
            text.append(" (mergepoint)");
        }
        if (current.contains(revision.id())) {
            text.append(" (current)");
        }
        return text.toString();
    }

    private static String orNone(List<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }
}
