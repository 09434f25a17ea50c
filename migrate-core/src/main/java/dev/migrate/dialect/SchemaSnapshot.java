package dev.migrate.dialect;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable, comparable picture of one schema: its tables (columns, indexes, constraints,
 * comments) and sequences. Two snapshots of the same schema are {@code equals}; {@link #diff} says how two
 * differ in lines a person can read. Taken by a {@link SchemaIntrospector}.
 *
 * <pre>{@code
 * SchemaSnapshot before = SchemaIntrospector.forUrl(url).snapshot(connection, null);
 * ...
 * SchemaDiff diff = before.diff(after);   // "- column tickets.priority integer", ...
 * }</pre>
 *
 * @param tables    the tables, sorted by name
 * @param sequences the stand-alone sequences (PostgreSQL {@code serial} sequences included,
 *                  identity columns' internal sequences not), sorted by name
 */
public record SchemaSnapshot(List<TableSnapshot> tables, List<SequenceSnapshot> sequences) {

    public SchemaSnapshot {
        tables = tables.stream().sorted(Comparator.comparing(TableSnapshot::name)).collect(Collectors.toUnmodifiableList());
        sequences = sequences.stream().sorted(Comparator.comparing(SequenceSnapshot::name))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The snapshot of a schema with nothing in it. */
    public static SchemaSnapshot empty() {
        return new SchemaSnapshot(List.of(), List.of());
    }

    /** True when the schema holds no table and no sequence. */
    public boolean isEmpty() {
        return tables.isEmpty() && sequences.isEmpty();
    }

    /** The table with this name, compared without regard to case. */
    public Optional<TableSnapshot> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The sequence with this name, compared without regard to case. */
    public Optional<SequenceSnapshot> sequence(String name) {
        return sequences.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The sequence names, sorted. */
    public List<String> sequenceNames() {
        return sequences.stream().map(SequenceSnapshot::name).collect(Collectors.toUnmodifiableList());
    }

    /** The table names, sorted. */
    public List<String> tableNames() {
        return tables.stream().map(TableSnapshot::name).collect(Collectors.toUnmodifiableList());
    }

    /**
     * This snapshot without the named tables (case-insensitive), e.g. migrate's own version and
     * history tables, whose existence says nothing about a revision's schema change.
     */
    public SchemaSnapshot withoutTables(Collection<String> names) {
        Set<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new SchemaSnapshot(tables.stream().filter(t -> !lower.contains(t.name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toList()), sequences);
    }

    /** How {@code other} differs from this snapshot: {@code +} only in {@code other}, {@code -} only in this one. */
    public SchemaDiff diff(SchemaSnapshot other) {
        return SchemaDiff.between(this, other);
    }
}
