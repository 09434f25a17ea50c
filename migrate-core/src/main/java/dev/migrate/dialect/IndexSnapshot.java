package dev.migrate.dialect;

import java.util.List;
import java.util.Objects;

/**
 * An index that does not merely back a constraint (primary key and unique constraints are
 * compared as {@link ConstraintSnapshot}s, so the index a database creates for them is left out).
 *
 * @param name      the index name
 * @param columns   key columns or expressions in order, with {@code DESC} where descending
 * @param unique    whether the index is unique
 * @param predicate the {@code WHERE} clause of a partial index, or null
 */
public record IndexSnapshot(String name, List<String> columns, boolean unique, String predicate) {

    public IndexSnapshot {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    /** {@code name (a, b DESC) [UNIQUE] [WHERE ...]}, as used in diffs. */
    public String describe() {
        return name + " (" + String.join(", ", columns) + ")" + (unique ? " UNIQUE" : "")
                + (predicate == null ? "" : " WHERE " + predicate);
    }
}
