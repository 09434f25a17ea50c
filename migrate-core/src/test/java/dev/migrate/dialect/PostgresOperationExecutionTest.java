package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.ops.ColumnType;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation rendered by {@link PostgresDialect}, run on a real PostgreSQL. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresOperationExecutionTest extends OperationExecutionContract {

    @Override
    Dialect dialect() {
        return new PostgresDialect();
    }

    @Override
    String defaultSchema() {
        return "public";
    }

    @Override
    Map<String, String> expectedTicketColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "int8 NOT NULL");
        columns.put("title", "varchar NOT NULL");
        columns.put("status", "varchar NOT NULL DEFAULT 'open'::character varying");
        columns.put("price", "numeric NULL DEFAULT 0");
        columns.put("assignee_id", "int8 NULL");
        return columns;
    }

    @Override
    Map<String, String> expectedTypeColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("integer", "int4 NULL");
        columns.put("bigint", "int8 NULL");
        columns.put("smallint", "int2 NULL");
        columns.put("boolean", "bool NULL");
        columns.put("text", "text NULL");
        columns.put("real", "float4 NULL");
        columns.put("double", "float8 NULL");
        columns.put("date", "date NULL");
        columns.put("time", "time NULL");
        columns.put("timestamp", "timestamp NULL");
        columns.put("timestamptz", "timestamptz NULL");
        columns.put("uuid", "uuid NULL");
        columns.put("json", "json NULL");
        columns.put("jsonb", "jsonb NULL");
        columns.put("bytes", "bytea NULL");
        columns.put("v", "varchar NULL");
        columns.put("n", "numeric NULL");
        return columns;
    }

    @Override
    Map<String, String> expectedAlteredColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "int4 NOT NULL");
        columns.put("code", "varchar NULL");
        columns.put("note", "varchar NOT NULL DEFAULT 'dflt'::character varying");
        columns.put("flag", "bool NULL DEFAULT true");
        return columns;
    }

    @Override
    String nextValue(String sequence) {
        return "SELECT nextval('\"" + sequence + "\"')";
    }

    @Override
    String defaultRule() {
        return "NO ACTION";
    }

    // ---- what only PostgreSQL does ----

    @Test
    void partialAndExpressionIndexes(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("member", t -> {
                t.column("id", ColumnType.INTEGER, c -> c.primaryKey());
                t.column("email", ColumnType.TEXT, c -> c.notNull());
                t.column("deleted", ColumnType.BOOLEAN, c -> c.notNull().defaultValue(false));
            });
            op.createIndex("ix_member_email", "member", List.of(),
                    ix -> ix.unique().expression("lower(\"email\")").where("NOT \"deleted\""));
        });
        sql(database, "INSERT INTO \"member\" (\"id\", \"email\", \"deleted\") VALUES (1, 'A@x', TRUE), (2, 'a@X', FALSE)");
        assertThrows(SQLException.class, () -> sql(database,
                "INSERT INTO \"member\" (\"id\", \"email\") VALUES (3, 'a@x')"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'ix_member_email' "
                + "AND indexdef LIKE '%lower(email)%WHERE (NOT deleted)%'"));
    }

    @Test
    void typeChangeUsingAnExpression(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("amount_t", t -> t.column("amount", ColumnType.varchar(20)));
            op.execute("INSERT INTO \"amount_t\" VALUES ('12.50')");
            op.alterColumn("amount_t", "amount",
                    c -> c.type(ColumnType.numeric(10, 2)).using("\"amount\"::numeric(10,2)"));
        });
        assertEquals("numeric NULL", inspect(database, meta -> meta.columns("amount_t")).get("amount"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM \"amount_t\" WHERE \"amount\" = 12.5"));
    }

    @Test
    void concurrentIndexIsMarkedToRunOutsideTheTransaction(TestDatabase database) throws SQLException {
        run(database, op -> op.createTable("conc_t", t -> t.column("a", ColumnType.INTEGER)));
        SqlStatement create = dialect().render(RenderedSql.record(
                op -> op.createIndex("ix_conc_t", "conc_t", List.of("a"), ix -> ix.concurrently())).get(0), null).get(0);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            // Why the flag exists: inside a transaction PostgreSQL refuses the statement.
            assertThrows(SQLException.class, () -> execute(connection, create));
            connection.rollback();
            connection.setAutoCommit(create.runsOutsideTransaction());
            execute(connection, create);
        }
        assertEquals("[a]", inspect(database, meta -> meta.indexes("conc_t")).get("ix_conc_t"));
    }

    @Test
    void notValidConstraintsSkipExistingRowsUntilValidated(TestDatabase database) throws SQLException {
        run(database, op -> {
            op.createTable("nv_parent", t -> t.column("id", ColumnType.BIGINT, c -> c.primaryKey()));
            op.createTable("nv_child", t -> {
                t.column("id", ColumnType.BIGINT);
                t.column("parent_id", ColumnType.BIGINT);
                t.column("qty", ColumnType.INTEGER);
            });
        });
        sql(database, "INSERT INTO nv_parent VALUES (1)");
        sql(database, "INSERT INTO nv_child VALUES (1, 9, 0)"); // breaks both constraints below
        run(database, op -> {
            op.addCheck("nv_qty_positive", "nv_child", "qty > 0", c -> c.notValid());
            op.addForeignKey("nv_child_parent_fk", "nv_child", List.of("parent_id"), "nv_parent", List.of("id"),
                    fk -> fk.notValid());
        });
        // New rows are checked at once; the old row waits for validation.
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO nv_child VALUES (2, 1, 0)"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO nv_child VALUES (3, 9, 1)"));
        assertThrows(SQLException.class, () -> run(database, op -> op.validateConstraint("nv_qty_positive", "nv_child")));
        sql(database, "UPDATE nv_child SET qty = 1, parent_id = 1");
        run(database, op -> {
            op.validateConstraint("nv_qty_positive", "nv_child");
            op.validateConstraint("nv_child_parent_fk", "nv_child");
        });
        assertEquals(0, count(database, "SELECT COUNT(*) FROM pg_constraint WHERE conname LIKE 'nv_%' AND NOT convalidated"));
    }
}
