package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code op.createTable(name, t -> ...)}: a new table with its columns, constraints and comments.
 *
 * @param comment the table's comment, or null
 */
public record CreateTable(QualifiedName table, List<Column> columns, List<TableConstraint> constraints, String comment)
        implements Operation {

    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        if (columns.isEmpty()) {
            throw new MigrateException("createTable " + table + ": the table has no columns; add at least one with "
                    + "t.column(name, type).");
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new MigrateException("createTable " + table + ": the column " + column.name()
                        + " is defined twice; give each column its own name.");
            }
        }
        checkConstraints(table, names, constraints);
    }

    /** Builds the operation from the user's lambda. */
    public static CreateTable of(String table, Consumer<TableBuilder> definition) {
        return of(QualifiedName.parse(table, "createTable"), definition);
    }

    /** Builds the operation for an already split name (a schema given apart, or none). */
    public static CreateTable of(QualifiedName table, Consumer<TableBuilder> definition) {
        TableBuilder builder = new TableBuilder(table.name());
        definition.accept(builder);
        return builder.build(table);
    }

    private static void checkConstraints(QualifiedName table, Set<String> columns, List<TableConstraint> constraints) {
        Set<String> constraintNames = new HashSet<>();
        boolean primaryKey = false;
        for (TableConstraint constraint : constraints) {
            if (!constraintNames.add(constraint.name())) {
                throw new MigrateException("createTable " + table + ": two constraints are named " + constraint.name()
                        + "; give one of them another name.");
            }
            if (constraint instanceof TableConstraint.PrimaryKey) {
                if (primaryKey) {
                    throw new MigrateException("createTable " + table + ": the table has more than one primary key; "
                            + "mark the key columns with c.primaryKey() or call t.primaryKey(...) once.");
                }
                primaryKey = true;
            }
            for (String column : constraint.columns()) {
                if (!columns.contains(column)) {
                    throw new MigrateException("createTable " + table + ": the constraint " + constraint.name()
                            + " names the column " + column + ", which the table does not define; add the column "
                            + "with t.column(...) or fix the name.");
                }
            }
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitCreateTable(this);
    }
}
