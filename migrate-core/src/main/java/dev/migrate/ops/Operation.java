package dev.migrate.ops;

/**
 * One schema or data operation recorded by {@link dev.migrate.Operations}: an immutable value that
 * knows no SQL. A {@link dev.migrate.dialect.Dialect} renders it; code that needs to tell the
 * variants apart uses {@link #accept(OperationVisitor)}, so a new operation fails to compile
 * everywhere it is not yet handled.
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn, TableComment,
        CreateIndex, DropIndex, AddConstraint, DropConstraint, ValidateConstraint, CreateSequence, DropSequence, AlterSequence,
        ExecuteSql, BulkInsert, BatchedUpdate, WithConnection, CreateSchema, DropSchema {

    <R> R accept(OperationVisitor<R> visitor);
}
