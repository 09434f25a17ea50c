package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.function.Consumer;

/**
 * {@code op.dropIndex(name, table, ix -> ...)}; the table gives the index's schema (and is what
 * databases with per-table indexes need).
 *
 * @param concurrently PostgreSQL's {@code DROP INDEX CONCURRENTLY}; a normal drop on H2
 * @param ifExists     no error when the index is missing
 */
public record DropIndex(String name, QualifiedName table, boolean concurrently, boolean ifExists) implements Operation {

    public DropIndex {
        java.util.Objects.requireNonNull(table, "table");
        if (name == null || name.isBlank()) {
            throw new MigrateException("dropIndex on " + table + ": the index name is empty; name the index to drop.");
        }
    }

    /** Builds the operation from the user's lambda. */
    public static DropIndex of(String name, String table, Consumer<Builder> options) {
        Builder builder = new Builder();
        options.accept(builder);
        return new DropIndex(name, QualifiedName.parse(table, "dropIndex " + name), builder.concurrently, builder.ifExists);
    }

    /** The options, set in the lambda. */
    public static final class Builder {
        private boolean concurrently;
        private boolean ifExists;

        Builder() {
        }

        public Builder concurrently() {
            concurrently = true;
            return this;
        }

        public Builder ifExists() {
            ifExists = true;
            return this;
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropIndex(this);
    }
}
