package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The differences between two {@link SchemaSnapshot}s, one readable line each:
 * {@code +} is only in the second snapshot, {@code -} only in the first, {@code ~} changed.
 *
 * <pre>
 * - column tickets.priority integer
 * ~ column tickets.status character varying(20) NOT NULL -&gt; text NOT NULL
 * + index tickets.ix_status (status)
 * </pre>
 *
 * @param lines the differences, grouped by table in name order; empty when the snapshots are equal
 */
public record SchemaDiff(List<String> lines) {

    public SchemaDiff {
        lines = List.copyOf(lines);
    }

    /** Compares two snapshots. */
    public static SchemaDiff between(SchemaSnapshot first, SchemaSnapshot second) {
        List<String> lines = new ArrayList<>();
        Map<String, TableSnapshot> before = byKey(first.tables(), TableSnapshot::name);
        Map<String, TableSnapshot> after = byKey(second.tables(), TableSnapshot::name);
        before.forEach((name, table) -> {
            if (!after.containsKey(name)) {
                lines.add("- table " + name + " (" + columnNames(table) + ")");
            } else {
                compareTables(table, after.get(name), lines);
            }
        });
        after.forEach((name, table) -> {
            if (!before.containsKey(name)) {
                lines.add("+ table " + name + " (" + columnNames(table) + ")");
            }
        });
        compareSequences(first.sequences(), second.sequences(), lines);
        return new SchemaDiff(lines);
    }

    /** True when the two snapshots were equal. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The lines, one per difference, each ending with a line break. */
    @Override
    public String toString() {
        return lines.stream().map(line -> line + System.lineSeparator()).collect(Collectors.joining());
    }

    private static void compareTables(TableSnapshot first, TableSnapshot second, List<String> lines) {
        String table = first.name();
        if (!Objects.equals(first.comment(), second.comment())) {
            lines.add("~ comment of table " + table + ": " + quoted(first.comment()) + " -> " + quoted(second.comment()));
        }
        compareItems("column", table, byKey(first.columns(), ColumnSnapshot::name),
                byKey(second.columns(), ColumnSnapshot::name), ColumnSnapshot::describe, lines);
        List<String> firstOrder = commonOrder(first, second);
        List<String> secondOrder = commonOrder(second, first);
        if (!firstOrder.equals(secondOrder)) {
            lines.add("~ column order of " + table + ": " + String.join(", ", firstOrder) + " -> " + String.join(", ", secondOrder));
        }
        compareItems("index", table, byKey(first.indexes(), IndexSnapshot::name),
                byKey(second.indexes(), IndexSnapshot::name), IndexSnapshot::describe, lines);
        compareItems("constraint", table, byKey(first.constraints(), ConstraintSnapshot::key),
                byKey(second.constraints(), ConstraintSnapshot::key), ConstraintSnapshot::describe, lines);
    }

    private static <T> void compareItems(String what, String table, Map<String, T> first, Map<String, T> second,
                                         Function<T, String> describe, List<String> lines) {
        first.forEach((key, item) -> {
            T other = second.get(key);
            if (other == null) {
                lines.add("- " + what + " " + table + "." + describe.apply(item));
            } else if (!other.equals(item)) {
                lines.add("~ " + what + " " + table + "." + describe.apply(item) + " -> " + describe.apply(other));
            }
        });
        second.forEach((key, item) -> {
            if (!first.containsKey(key)) {
                lines.add("+ " + what + " " + table + "." + describe.apply(item));
            }
        });
    }

    private static void compareSequences(List<SequenceSnapshot> first, List<SequenceSnapshot> second, List<String> lines) {
        Map<String, SequenceSnapshot> before = byKey(first, SequenceSnapshot::name);
        Map<String, SequenceSnapshot> after = byKey(second, SequenceSnapshot::name);
        before.forEach((name, sequence) -> {
            SequenceSnapshot other = after.get(name);
            if (other == null) {
                lines.add("- sequence " + name);
            } else if (!other.equals(sequence)) {
                lines.add("~ sequence " + sequence.describe() + " -> " + other.describe());
            }
        });
        after.keySet().stream().filter(n -> !before.containsKey(n)).forEach(n -> lines.add("+ sequence " + n));
    }

    /** The columns of {@code table} that {@code other} also has, in {@code table}'s order. */
    private static List<String> commonOrder(TableSnapshot table, TableSnapshot other) {
        Map<String, ColumnSnapshot> otherColumns = byKey(other.columns(), ColumnSnapshot::name);
        return table.columns().stream().map(ColumnSnapshot::name).filter(otherColumns::containsKey).collect(Collectors.toList());
    }

    private static String quoted(String comment) {
        return comment == null ? "none" : "'" + comment.replace("'", "''") + "'";
    }

    private static String columnNames(TableSnapshot table) {
        return table.columns().stream().map(ColumnSnapshot::name).collect(Collectors.joining(", "));
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(Objects.requireNonNull(key.apply(item)), item);
        }
        return map;
    }
}
