package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * {@code op.setTableComment(table, comment)} or {@code op.dropTableComment(table)}: sets or removes the
 * comment of an existing table (Alembic's {@code create_table_comment} / {@code drop_table_comment}).
 * Changes metadata only.
 *
 * @param table   the table
 * @param comment the new comment, or null to remove it
 */
public record TableComment(QualifiedName table, String comment) implements Operation {

    public TableComment {
        java.util.Objects.requireNonNull(table, "table");
        if (comment != null && comment.isEmpty()) {
            throw new MigrateException("setTableComment " + table + ": the comment is empty; use dropTableComment(\""
                    + table + "\") to remove it.");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitTableComment(this);
    }
}
