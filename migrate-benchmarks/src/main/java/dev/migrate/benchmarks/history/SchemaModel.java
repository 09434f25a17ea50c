package dev.migrate.benchmarks.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The schema as it stands after the revisions generated so far. The generator reads it to pick
 * targets that exist (a column to index, an index to drop) and writes every change into it, so
 * each revision's downgrade is correct for the schema right after its upgrade.
 */
final class SchemaModel {

    /** A column; its name changes when a revision renames it, so indexes on it follow. */
    static final class Column {
        String name;
        final String type;
        final boolean added;
        boolean renamed;
        boolean checked;

        Column(String name, String type, boolean added) {
            this.name = name;
            this.type = type;
            this.added = added;
        }

        boolean isInteger() {
            return type.equals("INTEGER") || type.equals("BIGINT");
        }
    }

    /** A table and its columns, in creation order. */
    record Table(String name, SupportDeskEntities.EntityTemplate template, List<Column> columns) {
    }

    /** A live index on one column. */
    record Index(String name, Table table, Column column) {
    }

    private final List<Table> tables = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final Set<Column> indexed = new HashSet<>();
    private final Random random;

    SchemaModel(Random random) {
        this.random = random;
    }

    int tableCount() {
        return tables.size();
    }

    void addTable(Table table) {
        tables.add(table);
    }

    void addIndex(Index index) {
        indexes.add(index);
        indexed.add(index.column());
    }

    void removeIndex(Index index) {
        indexes.remove(index);
        indexed.remove(index.column());
    }

    boolean isIndexed(Column column) {
        return indexed.contains(column);
    }

    /** A random live index, if any. */
    Optional<Index> randomIndex() {
        return indexes.isEmpty() ? Optional.empty() : Optional.of(indexes.get(random.nextInt(indexes.size())));
    }

    /** A random table (there is always one once the first revision exists). */
    Table randomTable() {
        return tables.get(random.nextInt(tables.size()));
    }

    /** A random table that matches, scanning from a random start so every match is possible. */
    Optional<Table> randomTable(Predicate<Table> filter) {
        int start = random.nextInt(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            Table table = tables.get((start + i) % tables.size());
            if (filter.test(table)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** A random column of a random table that matches; the {@code id} column is never chosen. */
    Optional<ColumnRef> randomColumn(Predicate<Column> filter) {
        Optional<Table> table = randomTable(t -> t.columns().stream().anyMatch(filter));
        return table.map(t -> {
            List<Column> matching = t.columns().stream().filter(filter).toList();
            return new ColumnRef(t, matching.get(random.nextInt(matching.size())));
        });
    }

    /** A column together with its table. */
    record ColumnRef(Table table, Column column) {
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
