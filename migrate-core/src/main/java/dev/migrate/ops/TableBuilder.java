package dev.migrate.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The contents of a new table, set inside {@code op.createTable("ticket", t -> { ... })}: columns
 * in order, then table constraints and the comment. Constraint names default to PostgreSQL's own
 * pattern ({@code <table>_pkey}, {@code <table>_<columns>_key}, {@code <table>_<columns>_fkey}).
 */
public final class TableBuilder {

    private final String table;
    private final List<ColumnBuilder> columns = new ArrayList<>();
    private final List<TableConstraint> constraints = new ArrayList<>();
    private final List<ForeignKeyBuilder> foreignKeys = new ArrayList<>();
    private String comment;

    TableBuilder(String table) {
        this.table = table;
    }

    /** A nullable column without a default. */
    public TableBuilder column(String name, ColumnType type) {
        return column(name, type, c -> { });
    }

    /** A column with options: {@code c -> c.notNull().defaultValue(0)}. */
    public TableBuilder column(String name, ColumnType type, Consumer<ColumnBuilder> options) {
        ColumnBuilder column = new ColumnBuilder(name, type);
        options.accept(column);
        columns.add(column);
        return this;
    }

    /** A (composite) primary key named {@code <table>_pkey}. */
    public TableBuilder primaryKey(String... columnNames) {
        return primaryKeyNamed(table + "_pkey", columnNames);
    }

    public TableBuilder primaryKeyNamed(String name, String... columnNames) {
        constraints.add(new TableConstraint.PrimaryKey(name, list(columnNames)));
        return this;
    }

    /** A unique constraint named {@code <table>_<columns>_key}. */
    public TableBuilder unique(String... columnNames) {
        return uniqueNamed(TableConstraint.derivedName(table, list(columnNames), "key"), columnNames);
    }

    public TableBuilder uniqueNamed(String name, String... columnNames) {
        constraints.add(new TableConstraint.Unique(name, list(columnNames)));
        return this;
    }

    /** A check constraint; {@code condition} is SQL copied as written. */
    public TableBuilder check(String name, String condition) {
        constraints.add(new TableConstraint.Check(name, condition));
        return this;
    }

    /** A foreign key over these columns; finish it with {@code .references(table, columns...)}. */
    public ForeignKeyBuilder foreignKey(String... columnNames) {
        ForeignKeyBuilder foreignKey = new ForeignKeyBuilder(list(columnNames));
        foreignKeys.add(foreignKey);
        return foreignKey;
    }

    /** The table's comment. */
    public TableBuilder comment(String text) {
        comment = text;
        return this;
    }

    CreateTable build(QualifiedName name) {
        List<Column> built = new ArrayList<>();
        List<String> keyColumns = new ArrayList<>();
        List<TableConstraint> all = new ArrayList<>();
        for (ColumnBuilder column : columns) {
            Column definition = column.build();
            built.add(definition);
            if (column.isPrimaryKey()) {
                keyColumns.add(definition.name());
            }
            if (column.isUnique()) {
                all.add(new TableConstraint.Unique(TableConstraint.derivedName(table, List.of(definition.name()), "key"),
                        List.of(definition.name())));
            }
        }
        if (!keyColumns.isEmpty()) {
            all.add(0, new TableConstraint.PrimaryKey(table + "_pkey", keyColumns));
        }
        all.addAll(constraints);
        foreignKeys.forEach(fk -> all.add(fk.build(table)));
        return new CreateTable(name, built, all, comment);
    }

    private static List<String> list(String... names) {
        return names == null ? List.of() : Arrays.asList(names);
    }
}
