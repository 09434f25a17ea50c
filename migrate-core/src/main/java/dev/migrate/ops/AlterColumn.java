package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.function.Consumer;

/**
 * {@code op.alterColumn(table, column, c -> ...)}: changes to one column, rendered as one
 * statement per change in a fixed order (type, nullability, default, comment, then the rename).
 *
 * @param type          the new type, or null to keep it
 * @param using         PostgreSQL's {@code USING} expression converting old values, or null
 * @param nullable      the new nullability, or null to keep it
 * @param serverDefault the new default, or null to keep it
 * @param dropDefault   true to remove the default
 * @param newName       the new column name, or null to keep it
 * @param comment       the new comment, or null to keep it
 * @param dropComment   true to remove the comment
 */
public record AlterColumn(QualifiedName table, String column, ColumnType type, String using, Boolean nullable,
        ServerDefault serverDefault, boolean dropDefault, String newName, String comment, boolean dropComment)
        implements Operation {

    /** A change that leaves the comment as it is. */
    public AlterColumn(QualifiedName table, String column, ColumnType type, String using, Boolean nullable,
            ServerDefault serverDefault, boolean dropDefault, String newName) {
        this(table, column, type, using, nullable, serverDefault, dropDefault, newName, null, false);
    }

    public AlterColumn {
        java.util.Objects.requireNonNull(table, "table");
        String subject = "alterColumn " + table + "." + column;
        if (column == null || column.isBlank()) {
            throw new MigrateException("alterColumn " + table + ": the column name is empty; name the column to change.");
        }
        if (using != null && type == null) {
            throw new MigrateException(subject + ": using(...) converts values to a new type, but no type(...) is set; add type(...) or remove using(...).");
        }
        if (type == null && nullable == null && serverDefault == null && !dropDefault && newName == null
                && comment == null && !dropComment) {
            throw new MigrateException(subject + " changes nothing; set a type, nullability, default, comment or new name in the lambda.");
        }
        if (serverDefault != null && dropDefault) {
            throw new MigrateException(subject + ": both sets and drops the default; choose one.");
        }
        if (comment != null && dropComment) {
            throw new MigrateException(subject + ": both sets and drops the comment; choose one.");
        }
        if (comment != null && comment.isEmpty()) {
            throw new MigrateException(subject + ": the comment is empty; use dropComment() to remove it.");
        }
        if (newName != null && newName.isBlank()) {
            throw new MigrateException(subject + ": the new name is empty; give the new column name.");
        }
    }

    /** Builds the operation from the user's lambda. */
    public static AlterColumn of(String table, String column, Consumer<Builder> changes) {
        Builder builder = new Builder();
        changes.accept(builder);
        return new AlterColumn(QualifiedName.parse(table, "alterColumn"), column, builder.type, builder.using,
                builder.nullable, builder.serverDefault, builder.dropDefault, builder.newName, builder.comment, builder.dropComment);
    }

    /** The changes, set in the lambda. */
    public static final class Builder {
        private ColumnType type;
        private String using;
        private Boolean nullable;
        private ServerDefault serverDefault;
        private boolean dropDefault;
        private String newName;
        private String comment;
        private boolean dropComment;

        Builder() {
        }

        /** Changes the type. */
        public Builder type(ColumnType newType) {
            type = newType;
            return this;
        }

        /**
         * How old values become the new type, for example {@code "amount::numeric(10,2)"}.
         * PostgreSQL only: other dialects fail with a message naming this option.
         */
        public Builder using(String expression) {
            using = expression;
            return this;
        }

        public Builder notNull() {
            nullable = false;
            return this;
        }

        public Builder nullable() {
            nullable = true;
            return this;
        }

        public Builder defaultValue(Object value) {
            serverDefault = ServerDefault.value(value);
            return this;
        }

        public Builder defaultSql(String expression) {
            serverDefault = ServerDefault.sql(expression);
            return this;
        }

        public Builder dropDefault() {
            dropDefault = true;
            return this;
        }

        /** Sets the column's comment (metadata only); {@link #dropComment()} removes it. */
        public Builder comment(String text) {
            if (text == null) {
                throw new MigrateException("alterColumn: comment(null) sets no comment; use dropComment() to remove it.");
            }
            comment = text;
            return this;
        }

        /** Removes the column's comment. */
        public Builder dropComment() {
            dropComment = true;
            return this;
        }

        public Builder rename(String name) {
            newName = name;
            return this;
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAlterColumn(this);
    }
}
