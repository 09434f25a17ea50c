package dev.migrate.dialect;

import dev.migrate.dialect.h2.H2Dialect;
import dev.migrate.testing.H2DatabaseExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation rendered by {@link H2Dialect}, run on an in-memory H2. */
@ExtendWith(H2DatabaseExtension.class)
class H2OperationExecutionTest extends OperationExecutionContract {

    @Override
    Dialect dialect() {
        return new H2Dialect();
    }

    /** H2 drops the index and builds the key's own, which holds whatever the index was. */
    @Override
    boolean refusesANonUniqueIndexToTakeOver() {
        return false;
    }

    @Override
    String defaultSchema() {
        return "PUBLIC";
    }

    @Override
    Map<String, String> expectedTicketColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "BIGINT NOT NULL");
        columns.put("title", "CHARACTER VARYING NOT NULL");
        columns.put("status", "CHARACTER VARYING NOT NULL DEFAULT 'open'");
        columns.put("price", "NUMERIC NULL DEFAULT 0");
        columns.put("assignee_id", "BIGINT NULL");
        return columns;
    }

    @Override
    Map<String, String> expectedTypeColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("integer", "INTEGER NULL");
        columns.put("bigint", "BIGINT NULL");
        columns.put("smallint", "SMALLINT NULL");
        columns.put("boolean", "BOOLEAN NULL");
        columns.put("text", "CHARACTER VARYING NULL");
        columns.put("real", "REAL NULL");
        columns.put("double", "DOUBLE PRECISION NULL");
        columns.put("date", "DATE NULL");
        columns.put("time", "TIME NULL");
        columns.put("timestamp", "TIMESTAMP NULL");
        columns.put("timestamptz", "TIMESTAMP WITH TIME ZONE NULL");
        columns.put("uuid", "UUID NULL");
        columns.put("json", "JSON NULL");
        columns.put("jsonb", "JSON NULL");
        columns.put("bytes", "BINARY VARYING NULL");
        columns.put("v", "CHARACTER VARYING NULL");
        columns.put("n", "NUMERIC NULL");
        return columns;
    }

    @Override
    Map<String, String> expectedAlteredColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "INTEGER NOT NULL");
        columns.put("code", "CHARACTER VARYING NULL");
        columns.put("note", "CHARACTER VARYING NOT NULL DEFAULT 'dflt'");
        columns.put("flag", "BOOLEAN NULL DEFAULT TRUE");
        return columns;
    }

    @Override
    String nextValue(String sequence) {
        return "SELECT NEXT VALUE FOR \"" + sequence + "\"";
    }

    /** H2 reports the default referential action (NO ACTION) as RESTRICT, which is what it enforces. */
    @Override
    String defaultRule() {
        return "RESTRICT";
    }
}
