package dev.migrate.ops;

import dev.migrate.MigrateException;

/** {@code op.dropConstraint(name, table)}. */
public record DropConstraint(QualifiedName table, String name) implements Operation {

    public DropConstraint {
        java.util.Objects.requireNonNull(table, "table");
        if (name == null || name.isBlank()) {
            throw new MigrateException("dropConstraint on " + table + ": the constraint name is empty; name the "
                    + "constraint to drop.");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropConstraint(this);
    }
}
