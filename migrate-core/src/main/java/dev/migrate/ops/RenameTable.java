package dev.migrate.ops;

import dev.migrate.MigrateException;

/** {@code op.renameTable(name, newName)}; the table stays in its schema. */
public record RenameTable(QualifiedName table, String newName) implements Operation {

    public RenameTable {
        java.util.Objects.requireNonNull(table, "table");
        if (newName == null || newName.isBlank()) {
            throw new MigrateException("renameTable " + table + ": the new name is empty; give the new table name.");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitRenameTable(this);
    }
}
