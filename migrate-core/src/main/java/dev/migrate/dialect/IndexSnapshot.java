package dev.migrate.dialect;

import java.util.List;

/**
 * One index that is not the implementation of a constraint (those appear as constraints).
 *
 * @param columns the indexed columns in order; an expression appears as the database prints it
 */
public record IndexSnapshot(String name, boolean unique, List<String> columns) {

    public IndexSnapshot {
        columns = List.copyOf(columns);
    }

    /** {@code UNIQUE (a, b)}. */
    public String describe() {
        return (unique ? "UNIQUE " : "") + "(" + String.join(", ", columns) + ")";
    }
}
