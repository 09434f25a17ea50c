package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One table's structure: columns (in table order, though order does not count for equality: a
 * downgrade that re-adds a dropped column can only put it last), named constraints and indexes.
 */
public record TableSnapshot(String name, Map<String, ColumnSnapshot> columns, Map<String, ConstraintSnapshot> constraints,
        Map<String, IndexSnapshot> indexes) {

    public TableSnapshot {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        constraints = Collections.unmodifiableMap(new TreeMap<>(constraints));
        indexes = Collections.unmodifiableMap(new TreeMap<>(indexes));
    }

    /** Readable differences from this table to {@code other}: {@code +} added, {@code -} removed, {@code ~} changed. */
    List<String> diff(TableSnapshot other) {
        List<String> lines = new ArrayList<>();
        diff(lines, "column", columns, other.columns, ColumnSnapshot::describe);
        diff(lines, "constraint", constraints, other.constraints, ConstraintSnapshot::describe);
        diff(lines, "index", indexes, other.indexes, IndexSnapshot::describe);
        return lines;
    }

    private <T> void diff(List<String> lines, String what, Map<String, T> before, Map<String, T> after,
            java.util.function.Function<T, String> describe) {
        for (Map.Entry<String, T> entry : before.entrySet()) {
            T changed = after.get(entry.getKey());
            String subject = what + " " + name + "." + entry.getKey();
            if (changed == null) {
                lines.add("- " + subject + " " + describe.apply(entry.getValue()));
            } else if (!changed.equals(entry.getValue())) {
                lines.add("~ " + subject + ": " + describe.apply(entry.getValue()) + " -> " + describe.apply(changed));
            }
        }
        for (Map.Entry<String, T> entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey())) {
                lines.add("+ " + what + " " + name + "." + entry.getKey() + " " + describe.apply(entry.getValue()));
            }
        }
    }
}
