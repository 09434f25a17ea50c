package dev.migrate.ops;

import java.util.List;
import java.util.function.Consumer;

/** {@code op.addForeignKey / addUnique / addCheck / addPrimaryKey}: one constraint on an existing table. */
public record AddConstraint(QualifiedName table, TableConstraint constraint) implements Operation {

    public AddConstraint {
        java.util.Objects.requireNonNull(table, "table");
        java.util.Objects.requireNonNull(constraint, "constraint");
    }

    /** Builds {@code op.addForeignKey(...)}'s operation from its arguments and lambda. */
    public static AddConstraint foreignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, Consumer<ForeignKeyActions> actions) {
        QualifiedName tableName = QualifiedName.parse(table, "addForeignKey " + name);
        QualifiedName referenced = QualifiedName.parse(referencedTable, "addForeignKey " + name + " (referenced table)");
        ForeignKeyActions built = new ForeignKeyActions();
        actions.accept(built);
        return new AddConstraint(tableName, new TableConstraint.ForeignKey(name, columns, referenced, referencedColumns,
                built.deleteAction(), built.updateAction()));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddConstraint(this);
    }
}
