package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.function.Consumer;

/**
 * {@code op.validateConstraint(name, table)}: checks the existing rows against a foreign key or
 * check added with {@code notValid()}. PostgreSQL's {@code VALIDATE CONSTRAINT} takes a SHARE UPDATE
 * EXCLUSIVE lock, so reads and writes go on while it scans; databases that checked the constraint
 * when it was added (H2) have nothing left to do.
 *
 * @param ownTransaction PostgreSQL: commit what the revision did so far and validate in a
 *                       transaction of its own (as a {@code concurrently()} index build runs), so
 *                       the brief lock of a {@code notValid()} add in the same revision is released
 *                       before the scan starts; without it the validation runs in the revision's
 *                       transaction and holds that lock for the whole scan (lint rule MG120)
 */
public record ValidateConstraint(QualifiedName table, String name, boolean ownTransaction) implements Operation {
    public ValidateConstraint {
        java.util.Objects.requireNonNull(table, "table");
        if (name == null || name.isBlank()) {
            throw new MigrateException("validateConstraint on " + table + ": the constraint name is empty; name the "
                    + "constraint to validate.");
        }
    }

    /** A validation inside the revision's transaction. */
    public ValidateConstraint(QualifiedName table, String name) {
        this(table, name, false);
    }

    /** Builds {@code op.validateConstraint(name, table, v -> ...)}'s operation. */
    public static ValidateConstraint of(String name, String table, Consumer<Builder> options) {
        Builder builder = new Builder();
        options.accept(builder);
        return new ValidateConstraint(QualifiedName.parse(table, "validateConstraint " + name), name, builder.ownTransaction);
    }

    /** The validation's options, set in the lambda. */
    public static final class Builder {
        private boolean ownTransaction;

        Builder() {
        }

        /**
         * Commits the revision's work so far and validates in a transaction of its own
         * (PostgreSQL), so a {@code notValid()} add earlier in the same revision holds no lock
         * during the scan. Like a concurrent index build, the revision is then no longer
         * all-or-nothing: what ran before the validation stays applied if it fails.
         */
        public Builder inOwnTransaction() {
            ownTransaction = true;
            return this;
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitValidateConstraint(this);
    }
}
