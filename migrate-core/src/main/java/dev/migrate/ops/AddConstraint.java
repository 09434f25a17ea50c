package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code op.addForeignKey / addUnique / addCheck / addPrimaryKey}: one constraint on an existing table.
 *
 * @param notValid add a foreign key or check without checking the existing rows (PostgreSQL's
 *                 {@code NOT VALID}, which takes only a brief lock); a later
 *                 {@code op.validateConstraint(name, table)} checks them without blocking writes.
 *                 Databases without the clause (H2) add and check the constraint at once.
 */
public record AddConstraint(QualifiedName table, TableConstraint constraint, boolean notValid) implements Operation {

    public AddConstraint {
        java.util.Objects.requireNonNull(table, "table");
        java.util.Objects.requireNonNull(constraint, "constraint");
        if (notValid && !(constraint instanceof TableConstraint.ForeignKey || constraint instanceof TableConstraint.Check)) {
            throw new MigrateException("Constraint " + constraint.name() + " on " + table + ": notValid() applies to "
                    + "foreign keys and check constraints only; for a unique or primary key build a unique index "
                    + "concurrently first.");
        }
    }

    /** A constraint checked against the existing rows as it is added. */
    public AddConstraint(QualifiedName table, TableConstraint constraint) {
        this(table, constraint, false);
    }

    /** Builds {@code op.addForeignKey(...)}'s operation from its arguments and lambda. */
    public static AddConstraint foreignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, Consumer<ForeignKeyActions> actions) {
        QualifiedName tableName = QualifiedName.parse(table, "addForeignKey " + name);
        QualifiedName referenced = QualifiedName.parse(referencedTable, "addForeignKey " + name + " (referenced table)");
        ForeignKeyActions built = new ForeignKeyActions();
        actions.accept(built);
        return new AddConstraint(tableName, new TableConstraint.ForeignKey(name, columns, referenced, referencedColumns,
                built.deleteAction(), built.updateAction()), built.isNotValid());
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddConstraint(this);
    }
}
