package dev.migrate.engine;

import dev.migrate.Operations;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Operation;
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
        operations.add(new ExecuteSql(sql, Arrays.asList(parameters)));
    }

    /** What was recorded, in order. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }
}
