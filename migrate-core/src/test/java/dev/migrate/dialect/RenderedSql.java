package dev.migrate.dialect;

import dev.migrate.Operations;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.ops.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test helper: records operations and renders them, for golden-SQL comparisons. */
final class RenderedSql {

    private RenderedSql() {
    }

    static List<Operation> record(Consumer<Operations> migration) {
        RecordingOperations op = new RecordingOperations();
        migration.accept(op);
        return op.operations();
    }

    static List<SqlStatement> statements(Dialect dialect, String schema, Consumer<Operations> migration) {
        List<SqlStatement> statements = new ArrayList<>();
        for (Operation operation : record(migration)) {
            statements.addAll(dialect.render(operation, schema));
        }
        return statements;
    }

    /** Only the SQL texts. */
    static List<String> sql(Dialect dialect, String schema, Consumer<Operations> migration) {
        return statements(dialect, schema, migration).stream().map(SqlStatement::sql).toList();
    }
}
