package dev.migrate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.ops.RecordingOperations;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchedUpdateTest {

    private static String failure(Runnable call) {
        return assertThrows(MigrateException.class, call::run).getMessage();
    }

    @Test
    void recordsOneValue() {
        RecordingOperations op = new RecordingOperations();
        op.batchedUpdate("app.ticket", "a = 1", "a IS NULL", 100);
        assertEquals(List.of(new BatchedUpdate(new QualifiedName("app", "ticket"), "a = 1", "a IS NULL", 100)), op.operations());
    }

    @Test
    void batchSizeBelowOneIsRejected() {
        assertEquals("batchedUpdate on ticket: batchSize is 0; use at least 1 (a few thousand rows per batch is typical).",
                failure(() -> new RecordingOperations().batchedUpdate("ticket", "a = 1", "a IS NULL", 0)));
    }

    @Test
    void emptyWhereIsRejected() {
        assertEquals("batchedUpdate on ticket: the WHERE clause is empty; it must select only rows not updated yet "
                + "(for example \"status IS NULL\"), or the batches never end.",
                failure(() -> new RecordingOperations().batchedUpdate("ticket", "a = 1", " ", 10)));
    }

    @Test
    void emptySetIsRejected() {
        assertEquals("batchedUpdate on ticket: the SET clause is empty; write what to set, for example \"status = 'open'\".",
                failure(() -> new RecordingOperations().batchedUpdate("ticket", "", "a IS NULL", 10)));
    }

    @Test
    void emptyTableNameIsRejected() {
        assertEquals("batchedUpdate: the name is empty; give the table, index or sequence a name.",
                failure(() -> new RecordingOperations().batchedUpdate("", "a = 1", "a IS NULL", 10)));
    }

    @Test
    void badQualifiedNameIsRejected() {
        assertEquals("batchedUpdate: 'a.b.c' is not a valid name; write 'name' or 'schema.name'.",
                failure(() -> new RecordingOperations().batchedUpdate("a.b.c", "a = 1", "a IS NULL", 10)));
    }

    @Test
    void emptySqlIsRejected() {
        assertEquals("execute: the SQL statement is empty; pass the statement to run.",
                failure(() -> new RecordingOperations().execute(" ")));
    }
}
