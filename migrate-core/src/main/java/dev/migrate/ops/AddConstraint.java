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
 * @param usingIndex the unique index a unique or primary key takes over instead of building its own
 *                 ({@link KeyConstraintOptions#usingIndex(String)}), or null
 */
public record AddConstraint(QualifiedName table, TableConstraint constraint, boolean notValid, String usingIndex)
        implements Operation {

    public AddConstraint {
        java.util.Objects.requireNonNull(table, "table");
        java.util.Objects.requireNonNull(constraint, "constraint");
        if (notValid && !(constraint instanceof TableConstraint.ForeignKey || constraint instanceof TableConstraint.Check)) {
            throw new MigrateException("Constraint " + constraint.name() + " on " + table + ": notValid() applies to "
                    + "foreign keys and check constraints only; for a unique or primary key build a unique index "
                    + "concurrently first, then add the key with k -> k.usingIndex(index).");
        }
        if (usingIndex != null) {
            checkUsingIndex(table, constraint, usingIndex);
        }
    }

    /** A constraint checked against the existing rows as it is added. */
    public AddConstraint(QualifiedName table, TableConstraint constraint) {
        this(table, constraint, false, null);
    }

    /** A constraint added with or without checking the existing rows. */
    public AddConstraint(QualifiedName table, TableConstraint constraint, boolean notValid) {
        this(table, constraint, notValid, null);
    }

    /** Builds {@code op.addUnique(...)}'s or {@code op.addPrimaryKey(...)}'s operation with its options. */
    public static AddConstraint key(String call, String table, TableConstraint constraint,
            java.util.function.Consumer<KeyConstraintOptions> options) {
        QualifiedName tableName = QualifiedName.parse(table, call + " " + constraint.name());
        KeyConstraintOptions built = new KeyConstraintOptions();
        options.accept(built);
        return new AddConstraint(tableName, constraint, false, built.usingIndex());
    }

    private static void checkUsingIndex(QualifiedName table, TableConstraint constraint, String usingIndex) {
        if (!(constraint instanceof TableConstraint.Unique || constraint instanceof TableConstraint.PrimaryKey)) {
            throw new MigrateException("Constraint " + constraint.name() + " on " + table + ": usingIndex applies to "
                    + "unique and primary keys only; a foreign key or check has no index to take over.");
        }
        if (usingIndex.isBlank()) {
            throw new MigrateException("Constraint " + constraint.name() + " on " + table + ": usingIndex(...) names "
                    + "no index; give the name of the unique index built before, e.g. k -> k.usingIndex(\""
                    + constraint.name() + "_ix\"), or leave usingIndex out to build a new index.");
        }
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
