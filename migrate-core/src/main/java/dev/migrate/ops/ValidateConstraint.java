package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * {@code op.validateConstraint(name, table)}: checks the existing rows against a foreign key or
 * check added with {@code notValid()}. PostgreSQL's {@code VALIDATE CONSTRAINT} takes a SHARE UPDATE
 * EXCLUSIVE lock, so reads and writes go on while it scans; databases that checked the constraint
 * when it was added (H2) have nothing left to do.
 */
public record ValidateConstraint(QualifiedName table, String name) implements Operation {
    public ValidateConstraint {
        java.util.Objects.requireNonNull(table, "table");
        if (name == null || name.isBlank()) {
            throw new MigrateException("validateConstraint on " + table + ": the constraint name is empty; name the "
                    + "constraint to validate.");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitValidateConstraint(this);
    }
}
