package dev.migrate.ops;

/** One method per {@link Operation} variant. */
public interface OperationVisitor<R> {

    R visitCreateTable(CreateTable operation);

    R visitDropTable(DropTable operation);

    R visitRenameTable(RenameTable operation);

    R visitAddColumn(AddColumn operation);

    R visitDropColumn(DropColumn operation);

    R visitAlterColumn(AlterColumn operation);

    R visitTableComment(TableComment operation);

    R visitCreateIndex(CreateIndex operation);

    R visitDropIndex(DropIndex operation);

    R visitAddConstraint(AddConstraint operation);

    R visitDropConstraint(DropConstraint operation);
    R visitValidateConstraint(ValidateConstraint operation);

    R visitCreateSequence(CreateSequence operation);

    R visitDropSequence(DropSequence operation);

    R visitAlterSequence(AlterSequence operation);

    R visitExecuteSql(ExecuteSql operation);

    R visitBulkInsert(BulkInsert operation);

    R visitBatchedUpdate(BatchedUpdate operation);

    R visitWithConnection(WithConnection operation);

    R visitCreateSchema(CreateSchema operation);

    R visitDropSchema(DropSchema operation);
}
