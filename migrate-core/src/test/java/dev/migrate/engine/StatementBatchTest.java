package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.dialect.SqlStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementBatchTest {

    private static final List<String> TEXTS = List.of("CREATE TABLE \"a\" (\"id\" INT)", "INSERT INTO \"a\" VALUES (1)",
            "INSERT INTO \"a\" VALUES (1);");

    @Test
    void onlySingleRowlessStatementsWithoutParametersAreBatched() {
        assertTrue(StatementBatch.batchable(SqlStatement.of("CREATE TABLE \"t\" (\"id\" INT)")));
        assertFalse(StatementBatch.batchable(SqlStatement.of("  update t set a = 'x;y' ;")),
                "a ';' inside the text could be a second statement");
        assertTrue(StatementBatch.batchable(SqlStatement.of("insert into t values (1);\n")));
        assertFalse(StatementBatch.batchable(SqlStatement.of("INSERT INTO t VALUES (?)", 1)));
        assertFalse(StatementBatch.batchable(SqlStatement.outsideTransaction("CREATE INDEX CONCURRENTLY i ON t (a)")));
        assertFalse(StatementBatch.batchable(SqlStatement.of("SELECT setval('s', 10)")));
        assertFalse(StatementBatch.batchable(SqlStatement.of("INSERT INTO t VALUES (1) RETURNING id")));
        assertFalse(StatementBatch.batchable(SqlStatement.of("-- note\nCREATE TABLE t (id INT)")));
        assertFalse(StatementBatch.batchable(SqlStatement.of("CREATE TABLE a (id INT); CREATE TABLE b (id INT)")));
    }

    @Test
    void theFailingEntryComesFromTheCountsOrElseFromTheDriversMessage() {
        assertEquals(1, StatementBatch.failedIndex(new int[] {0}, TEXTS, null), "stopped after the first");
        assertEquals(2, StatementBatch.failedIndex(new int[] {0, 1, Statement.EXECUTE_FAILED}, TEXTS, null), "went on");
        int[] allFailed = {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED};
        assertEquals(0, StatementBatch.failedIndex(allFailed, TEXTS,
                "Batch entry 0 CREATE TABLE \"a\" (\"id\" INT) was aborted: ERROR: relation \"a\" already exists"));
        assertEquals(1, StatementBatch.failedIndex(allFailed, TEXTS,
                "Batch entry 1 INSERT INTO \"a\" VALUES (1) was aborted: ERROR: boom"), "same text: the first of them");
        assertEquals(-1, StatementBatch.failedIndex(allFailed, TEXTS, "something else"));
        assertEquals(-1, StatementBatch.failedIndex(null, TEXTS, null));
    }
}
