package dev.migrate.graph;

import java.util.List;

/**
 * How one plan step changes the version table (one row per applied head, Alembic's semantics):
 * the rows it removes and the rows it adds. A linear step removes its parent and adds itself,
 * which the engine writes as one {@code UPDATE}; a merge removes several rows; a base step removes
 * nothing; downgrading the last revision of a branch adds nothing. Computed by the graph by the
 * rules of Alembic's {@code HeadMaintainer}; the engine only applies it and checks row counts.
 */
public record VersionChange(List<String> removed, List<String> added) {

    public VersionChange {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    /** True when the change is exactly one row replaced by another, written as one UPDATE. */
    public boolean isUpdate() {
        return removed.size() == 1 && added.size() == 1;
    }

    /** True when the version table is left as it is. */
    public boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }
}
