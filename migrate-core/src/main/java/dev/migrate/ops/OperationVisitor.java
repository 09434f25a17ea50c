package dev.migrate.ops;

/** One method per {@link Operation} variant. */
public interface OperationVisitor<R> {

    R visitExecuteSql(ExecuteSql operation);

    R visitBatchedUpdate(BatchedUpdate operation);

    R visitWithConnection(WithConnection operation);
}
