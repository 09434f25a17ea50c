package dev.migrate.ops;

import java.util.List;
import java.util.function.Consumer;

/** The optional actions of {@code op.addForeignKey(...)}: {@code fk -> fk.onDelete(CASCADE)}. */
public final class ForeignKeyActions {

    private ReferentialAction onDelete;
    private ReferentialAction onUpdate;

    ForeignKeyActions() {
    }

    public ForeignKeyActions onDelete(ReferentialAction action) {
        onDelete = action;
        return this;
    }

    public ForeignKeyActions onUpdate(ReferentialAction action) {
        onUpdate = action;
        return this;
    }

    /** Builds {@code op.addForeignKey(...)}'s operation from its arguments and lambda. */
    public static AddConstraint addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, Consumer<ForeignKeyActions> actions) {
        QualifiedName tableName = QualifiedName.parse(table, "addForeignKey " + name);
        QualifiedName referenced = QualifiedName.parse(referencedTable, "addForeignKey " + name + " (referenced table)");
        ForeignKeyActions built = new ForeignKeyActions();
        actions.accept(built);
        return new AddConstraint(tableName, new TableConstraint.ForeignKey(name, columns, referenced, referencedColumns,
                built.onDelete, built.onUpdate));
    }
}
