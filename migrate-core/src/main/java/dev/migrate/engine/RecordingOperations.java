package dev.migrate.engine;

import dev.migrate.Operations;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.ConnectionCallback;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.WithConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the {@link Operation} values one revision's upgrade or downgrade records. */
public final class RecordingOperations implements Operations {

    private final List<Operation> operations = new ArrayList<>();

    @Override
    public void execute(String sql) {
        operations.add(new ExecuteSql(sql, List.of()));
    }

    @Override
    public void execute(String sql, Object... parameters) {
        operations.add(new ExecuteSql(sql, parameters == null ? List.of() : Arrays.asList(parameters)));
    }

    @Override
    public void batchedUpdate(String table, String setClause, String whereClause, int batchSize) {
        operations.add(new BatchedUpdate(QualifiedName.parse(table, "batchedUpdate"), setClause, whereClause, batchSize));
    }

    @Override
    public void withConnection(ConnectionCallback callback) {
        operations.add(new WithConnection(callback));
    }

    /** What was recorded, in order. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }
}
