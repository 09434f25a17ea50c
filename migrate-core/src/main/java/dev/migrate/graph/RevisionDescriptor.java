package dev.migrate.graph;

import java.util.List;
import java.util.Objects;

/**
 * What one {@code @Revision} says about itself: the graph's input.
 *
 * @param id           the revision id
 * @param revises      ids of the direct parents; empty for a base
 * @param dependsOn    ids or branch labels applied before this revision without joining their branch
 * @param branchLabels labels naming the branch through this revision
 * @param message      one-line description, may be empty
 * @param origin       where the revision comes from, for messages: the class name
 * @param database     the database whose history this revision belongs to; empty for the default
 *                     database (the first one configured, or the only one)
 */
public record RevisionDescriptor(
        String id,
        List<String> revises,
        List<String> dependsOn,
        List<String> branchLabels,
        String message,
        String origin,
        String database) {

    /** A revision of the default database. */
    public RevisionDescriptor(String id, List<String> revises, List<String> dependsOn, List<String> branchLabels,
            String message, String origin) {
        this(id, revises, dependsOn, branchLabels, message, origin, "");
    }

    public RevisionDescriptor {
        Objects.requireNonNull(id, "id");
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        message = message == null ? "" : message;
        origin = origin == null ? "" : origin;
        database = database == null ? "" : database.trim();
    }

    /**
     * Whether this revision belongs to the database {@code name}: its own, or, for a revision that
     * names none, the default database.
     */
    public boolean belongsTo(String name, boolean isDefault) {
        return database.isEmpty() ? isDefault : database.equals(name);
    }

    /** True when nothing precedes this revision on its own branch. */
    public boolean isBase() {
        return revises.isEmpty();
    }

    /** True when this revision joins two or more parents. */
    public boolean isMerge() {
        return revises.size() > 1;
    }
}
