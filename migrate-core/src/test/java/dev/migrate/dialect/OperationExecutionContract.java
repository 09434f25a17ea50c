package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.engine.RecordingOperations;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.Operation;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Identifiers are quoted by the dialects, so hand-written SQL here quotes them too (H2 folds
 * unquoted names to upper case).
 *
 * <p>Runs rendered operations on a real database with plain JDBC and checks the result. Subclasses
 * pick the database (through their extension) and the dialect.
 */
abstract class OperationExecutionContract {

    abstract Dialect dialect();

    /** Records operations, renders them with the dialect and executes them in autocommit. */
    void run(TestDatabase database, Consumer<RecordingOperations> migration) throws SQLException {
        RecordingOperations op = new RecordingOperations();
        migration.accept(op);
        try (Connection connection = database.connect()) {
            for (Operation operation : op.operations()) {
                for (SqlStatement statement : dialect().render(operation, null)) {
                    execute(connection, statement);
                }
            }
        }
    }

    static int execute(Connection connection, SqlStatement statement) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                prepared.setObject(i + 1, statement.parameters().get(i));
            }
            prepared.execute();
            return prepared.getUpdateCount();
        }
    }

    static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void batchedUpdateRunsBatchesUntilNothingIsLeft(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.execute("CREATE TABLE \"batch_t\" (\"id\" INT PRIMARY KEY, \"status\" VARCHAR(10))");
            op.execute("INSERT INTO \"batch_t\" (\"id\") SELECT x FROM generate_series(1, 25) AS g(x)");
        });
        BatchedUpdate update = new BatchedUpdate(dev.migrate.ops.QualifiedName.parse("batch_t", "test"),
                "\"status\" = 'open'", "\"status\" IS NULL", 10);
        SqlStatement batch = dialect().renderUpdateBatch(update, null);
        List<Integer> counts = new java.util.ArrayList<>();
        try (Connection connection = database.connect()) {
            int updated;
            do {
                updated = execute(connection, batch);
                counts.add(updated);
            } while (updated > 0);
        }
        assertEquals(List.of(10, 10, 5, 0), counts);
        assertEquals(0, count(database, "SELECT COUNT(*) FROM \"batch_t\" WHERE \"status\" IS NULL"));
    }
}
