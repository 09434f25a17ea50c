package dev.migrate.ops;

import dev.migrate.MigrateException;

/** {@code op.dropColumn(table, column)}. */
public record DropColumn(QualifiedName table, String column) implements Operation {

    public DropColumn {
        java.util.Objects.requireNonNull(table, "table");
        if (column == null || column.isBlank()) {
            throw new MigrateException("dropColumn " + table + ": the column name is empty; name the column to drop.");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropColumn(this);
    }
}
