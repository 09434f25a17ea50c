package dev.migrate.dialect;

import static dev.migrate.dialect.BookkeepingTable.HISTORY_ID;
import static dev.migrate.dialect.BookkeepingTable.LOCK_ID;
import static dev.migrate.dialect.BookkeepingTable.VERSION_NUM;

import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The SQL that most databases share (Alembic's {@code DefaultImpl}); concrete dialects override
 * only where they differ.
 */
public abstract class StandardSqlDialect implements Dialect {

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString();
        }
        if (value instanceof LocalDate) {
            return "DATE " + quoteString(value.toString());
        }
        if (value instanceof LocalTime) {
            return "TIME " + quoteString(value.toString());
        }
        if (value instanceof LocalDateTime t) {
            return "TIMESTAMP " + quoteString(t.toString().replace('T', ' '));
        }
        if (value instanceof OffsetDateTime t) {
            return "TIMESTAMP WITH TIME ZONE " + quoteString(t.toString().replace('T', ' '));
        }
        if (value instanceof UUID) {
            return quoteString(value.toString());
        }
        if (value instanceof byte[] bytes) {
            return bytesLiteral(bytes);
        }
        return quoteString(value.toString());
    }

    @Override
    public String addConstraintAsDefined(String table, String name, String definition) {
        return "ALTER TABLE " + quote(table) + " ADD " + (name == null ? "" : "CONSTRAINT " + quote(name) + " ") + definition;
    }

    /** A string literal with embedded quotes doubled. */
    protected String quoteString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    protected String bytesLiteral(byte[] bytes) {
        return "X'" + hex(bytes) + "'";
    }

    /** Two lower-case hex digits per byte, the body of every binary literal. */
    protected static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Override
    public List<SqlStatement> render(Operation operation, String schema) {
        return operation.accept(renderer(schema));
    }

    @Override
    public SqlStatement renderUpdateBatch(BatchedUpdate update, String schema) {
        return renderer(schema).updateBatch(update);
    }

    @Override
    public SqlStatement renderBatchedRowCount(BatchedUpdate update, String schema) {
        return renderer(schema).batchedRowCount(update);
    }

    /** The operation renderer of this dialect for one default schema. */
    protected OperationRenderer renderer(String schema) {
        return new OperationRenderer(this, schema);
    }

    /** The SQL standard's "base table not found" (42S02) and "invalid schema name" (3F000). */
    @Override
    public boolean isMissingTable(String sqlState, int vendorCode) {
        return "42S02".equals(sqlState) || "3F000".equals(sqlState);
    }

    /** The SQL standard's serialization failure (40001), which some databases report for a lock wait that ran out. */
    @Override
    public boolean isLockBusy(String sqlState, int vendorCode) {
        return "40001".equals(sqlState);
    }

    /** Statements that commit implicitly where DDL is not transactional, by their first word. */
    private static final java.util.Set<String> IMPLICIT_COMMIT = java.util.Set.of("CREATE", "ALTER", "DROP", "RENAME",
            "TRUNCATE", "COMMENT", "GRANT", "REVOKE");

    /** DDL, by its first word, where the dialect's DDL is not transactional. */
    @Override
    public boolean commitsImplicitly(SqlStatement statement) {
        if (capabilities().transactionalDdl()) {
            return false;
        }
        String sql = statement.sql().stripLeading();
        int end = 0;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return IMPLICIT_COMMIT.contains(sql.substring(0, end).toUpperCase(java.util.Locale.ROOT));
    }

    // ---- offline scripts ----

    @Override
    public SqlStatement beginScriptTransaction() {
        return SqlStatement.of("BEGIN");
    }

    @Override
    public SqlStatement commitScriptTransaction() {
        return SqlStatement.of("COMMIT");
    }

    @Override
    public String scriptStatement(SqlStatement statement) {
        return inline(statement) + ";\n\n";
    }

    @Override
    public String scriptComment(String text) {
        return "-- " + text.replace("\n", " ") + "\n\n";
    }

    // ---- bookkeeping ----

    @Override
    public SqlStatement createSchemaIfMissing(String schema) {
        return SqlStatement.of("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }

    @Override
    public SqlStatement dropSchemaWithContents(String schema) {
        return SqlStatement.of("DROP SCHEMA " + quote(schema) + " CASCADE");
    }

    /** The definition rendered like a revision's table, by this dialect's renderer. */
    @Override
    public SqlStatement createIfMissing(BookkeepingTable table, String schema, String name) {
        return renderer(null).createTableIfMissing(table.definition(schema, name));
    }

    @Override
    public SqlStatement selectVersions(String schema, String table) {
        return SqlStatement.of("SELECT " + quote(VERSION_NUM) + " FROM " + qualify(schema, table));
    }

    @Override
    public SqlStatement insertVersion(String schema, String table, String revision) {
        return SqlStatement.of("INSERT INTO " + qualify(schema, table) + " (" + quote(VERSION_NUM) + ") VALUES (?)", revision);
    }

    @Override
    public SqlStatement deleteVersion(String schema, String table, String revision) {
        return SqlStatement.of("DELETE FROM " + qualify(schema, table) + " WHERE " + quote(VERSION_NUM) + " = ?", revision);
    }

    @Override
    public SqlStatement updateVersion(String schema, String table, String from, String to) {
        String column = quote(VERSION_NUM);
        return SqlStatement.of("UPDATE " + qualify(schema, table) + " SET " + column + " = ? WHERE " + column + " = ?", to, from);
    }

    @Override
    public SqlStatement deleteAllVersions(String schema, String table) {
        return SqlStatement.of("DELETE FROM " + qualify(schema, table));
    }

    /** The history columns written and read, in {@link #insertHistory}'s parameter order. */
    protected static final String[] HISTORY_COLUMNS = BookkeepingTable.HISTORY.writtenColumns().toArray(String[]::new);

    /** The progress columns written and read, in {@link #insertProgress}'s parameter order. */
    private static final String[] PROGRESS_COLUMNS = BookkeepingTable.PROGRESS.writtenColumns().toArray(String[]::new);

    /** Quoted and comma-separated. */
    protected String columns(String... names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append(list.length() == 0 ? "" : ", ").append(quote(name));
        }
        return list.toString();
    }

    @Override
    public SqlStatement selectHistory(String schema, String table) {
        return SqlStatement.of("SELECT " + columns(HISTORY_COLUMNS) + " FROM " + qualify(schema, table)
                + " ORDER BY " + quote(HISTORY_ID));
    }

    @Override
    public SqlStatement insertHistory(String schema, String table) {
        return SqlStatement.of("INSERT INTO " + qualify(schema, table) + " (" + columns(HISTORY_COLUMNS) + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    @Override
    public SqlStatement selectProgress(String schema, String table) {
        return SqlStatement.of("SELECT " + columns(PROGRESS_COLUMNS) + " FROM " + qualify(schema, table));
    }

    @Override
    public SqlStatement insertProgress(String schema, String table) {
        return SqlStatement.of("INSERT INTO " + qualify(schema, table) + " (" + columns(PROGRESS_COLUMNS) + ") VALUES (?, ?, ?, ?)");
    }

    @Override
    public SqlStatement deleteProgress(String schema, String table) {
        return SqlStatement.of("DELETE FROM " + qualify(schema, table) + " WHERE " + quote("revision") + " = ? AND "
                + quote("direction") + " = ?");
    }

    @Override
    public List<SqlStatement> probeWrites(BookkeepingTable table, String schema, String name) {
        if (table == BookkeepingTable.LOCK) {
            return List.of();
        }
        String qualified = qualify(schema, name);
        String written = columns(table.writtenColumns().toArray(String[]::new));
        // "WHERE 1 = 0": the database checks the privilege when it opens the table, before it finds no row.
        SqlStatement insert = SqlStatement.of("INSERT INTO " + qualified + " (" + written + ") SELECT " + written + " FROM "
                + qualified + " WHERE 1 = 0");
        SqlStatement delete = SqlStatement.of("DELETE FROM " + qualified + " WHERE 1 = 0");
        return switch (table) {
            case VERSION -> List.of(insert, SqlStatement.of("UPDATE " + qualified + " SET " + quote(VERSION_NUM) + " = "
                    + quote(VERSION_NUM) + " WHERE 1 = 0"), delete);
            case HISTORY -> List.of(insert); // append-only
            default -> List.of(insert, delete);
        };
    }

    @Override
    public List<SqlStatement> ddlLockTimeout(Duration timeout) {
        return List.of();
    }

    @Override
    public SqlStatement insertLockRow(String schema, String table) {
        String name = qualify(schema, table);
        String id = quote(LOCK_ID);
        return SqlStatement.of("INSERT INTO " + name + " (" + id + ") SELECT 1 WHERE NOT EXISTS (SELECT " + id + " FROM " + name
                + " WHERE " + id + " = 1)");
    }

    @Override
    public SqlStatement lockRow(String schema, String table) {
        String id = quote(LOCK_ID);
        return SqlStatement.of("SELECT " + id + " FROM " + qualify(schema, table) + " WHERE " + id + " = 1 FOR UPDATE");
    }

    @Override
    public List<SqlStatement> rowLockWait(Duration wait) {
        return List.of();
    }
}
