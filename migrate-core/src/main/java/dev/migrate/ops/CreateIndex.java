package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code op.createIndex(name, table, columns, ix -> ...)}. The index lives in its table's schema.
 *
 * @param keys         the indexed columns and expressions, in order
 * @param where        the condition of a partial index (PostgreSQL only), or null
 * @param concurrently build without blocking writes (PostgreSQL: {@code CONCURRENTLY}, run outside
 *                     the revision's transaction; H2 builds a normal index, as an embedded
 *                     database has no concurrent writers to protect)
 */
public record CreateIndex(String name, QualifiedName table, List<IndexKey> keys, boolean unique, String where,
        boolean concurrently) implements Operation {

    public CreateIndex {
        java.util.Objects.requireNonNull(table, "table");
        if (name == null || name.isBlank()) {
            throw new MigrateException("createIndex on " + table + ": the index name is empty; name the index "
                    + "(a later revision drops it by that name).");
        }
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new MigrateException("createIndex " + name + " on " + table + ": the index has no columns; "
                    + "list at least one column or add an expression.");
        }
        if (where != null && where.isBlank()) {
            throw new MigrateException("createIndex " + name + ": the where(...) condition is empty; write it or leave it out.");
        }
    }

    /**
     * Builds the operation from the user's arguments and lambda: {@code columns} first, then the keys
     * the lambda adds, in its order.
     */
    public static CreateIndex of(String name, String table, List<String> columns, Consumer<Builder> options) {
        QualifiedName tableName = QualifiedName.parse(table, "createIndex " + name);
        List<IndexKey> keys = new ArrayList<>();
        for (String column : columns) {
            keys.add(IndexKey.column(column));
        }
        Builder builder = new Builder(keys);
        options.accept(builder);
        return new CreateIndex(name, tableName, keys, builder.unique, builder.where, builder.concurrently);
    }

    /** The index options, set in the lambda. */
    public static final class Builder {
        private final List<IndexKey> keys;
        private boolean unique;
        private String where;
        private boolean concurrently;

        Builder(List<IndexKey> keys) {
            this.keys = keys;
        }

        public Builder unique() {
            unique = true;
            return this;
        }

        /** Adds an expression key after the keys so far, for example {@code lower(email)} (PostgreSQL only). */
        public Builder expression(String sql) {
            keys.add(IndexKey.expression(sql));
            return this;
        }

        /**
         * Adds a column key after the keys so far: a column that follows an expression, as in
         * {@code (tenant_id, lower(email), created_at)}, which the column list alone cannot put there.
         */
        public Builder column(String name) {
            keys.add(IndexKey.column(name));
            return this;
        }

        /** Makes a partial index over the rows matching {@code condition} (PostgreSQL only). */
        public Builder where(String condition) {
            where = condition;
            return this;
        }

        /** Builds without blocking writes; see {@link CreateIndex} for what each database does. */
        public Builder concurrently() {
            concurrently = true;
            return this;
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitCreateIndex(this);
    }
}
