package dev.migrate.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code op.addColumn(table, name, type, c -> ...)}.
 *
 * @param constraints the primary key or unique constraint the column options asked for
 */
public record AddColumn(QualifiedName table, Column column, List<TableConstraint> constraints) implements Operation {

    public AddColumn {
        java.util.Objects.requireNonNull(table, "table");
        java.util.Objects.requireNonNull(column, "column");
        constraints = List.copyOf(constraints);
    }

    /** Builds the operation from the user's lambda. */
    public static AddColumn of(String table, String column, ColumnType type, Consumer<ColumnBuilder> options) {
        QualifiedName name = QualifiedName.parse(table, "addColumn");
        ColumnBuilder builder = new ColumnBuilder(column, type);
        options.accept(builder);
        Column built = builder.build();
        List<TableConstraint> constraints = new ArrayList<>();
        if (builder.isPrimaryKey()) {
            constraints.add(new TableConstraint.PrimaryKey(name.name() + "_pkey", List.of(built.name())));
        }
        if (builder.isUnique()) {
            constraints.add(new TableConstraint.Unique(TableConstraint.derivedName(name.name(), List.of(built.name()), "key"),
                    List.of(built.name())));
        }
        return new AddColumn(name, built, constraints);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddColumn(this);
    }
}
