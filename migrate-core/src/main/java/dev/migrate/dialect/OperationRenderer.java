package dev.migrate.dialect;

import dev.migrate.MigrateException;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSchema;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.OperationVisitor;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.TableComment;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.ops.WithConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders operations to the SQL most databases share (Alembic's {@code DefaultImpl}); the
 * PostgreSQL and H2 renderers override only what differs. One instance renders for one default
 * schema; identifiers always go through {@link Dialect#quote(String)}.
 */
public class OperationRenderer extends SqlFragments implements OperationVisitor<List<SqlStatement>> {

    /** Rows per INSERT of a bulk insert, and the bound on parameters per statement (PostgreSQL allows 32767). */
    static final int MAX_ROWS_PER_INSERT = 1000;
    static final int MAX_PARAMETERS_PER_INSERT = 30000;

    /**
     * @param dialect quoting and literals
     * @param schema  the default schema unqualified names are put in, or null
     */
    public OperationRenderer(Dialect dialect, String schema) {
        super(dialect, schema);
    }

    @Override
    public List<SqlStatement> visitCreateTable(CreateTable operation) {
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(SqlStatement.of("CREATE TABLE " + table(operation.table()) + " (\n    "
                + String.join(",\n    ", tableElements(operation)) + "\n)"));
        if (operation.comment() != null) {
            statements.add(tableComment(operation.table(), operation.comment()));
        }
        for (Column column : operation.columns()) {
            if (column.comment() != null) {
                statements.add(columnComment(operation.table(), column.name(), column.comment()));
            }
        }
        return statements;
    }

    /** What goes between a CREATE TABLE's parentheses: column definitions, then table constraints. */
    protected List<String> tableElements(CreateTable operation) {
        String table = operation.table().name();
        List<String> parts = new ArrayList<>();
        for (Column column : operation.columns()) {
            parts.add(columnDefinition(table, column));
        }
        for (TableConstraint constraint : operation.constraints()) {
            parts.add(constraint(constraint));
        }
        return parts;
    }

    /**
     * One of migrate's own tables ({@link BookkeepingTable}), created unless a table of its name exists:
     * the same column and constraint clauses as {@link #visitCreateTable}, on one line, the form these
     * tables have always been created in. Every database migrate supports has {@code CREATE TABLE IF
     * NOT EXISTS}; one without it overrides this method (with a guarded block of its own, say), as the
     * engine sends the statement on every run and never looks for the table first.
     */
    public SqlStatement createTableIfMissing(CreateTable definition) {
        if (definition.comment() != null || definition.columns().stream().anyMatch(column -> column.comment() != null)) {
            throw new IllegalArgumentException("bookkeeping tables carry no comments: " + definition.table());
        }
        return SqlStatement.of("CREATE TABLE IF NOT EXISTS " + table(definition.table()) + " ("
                + String.join(", ", tableElements(definition)) + ")");
    }

    @Override
    public List<SqlStatement> visitDropTable(DropTable operation) {
        return List.of(SqlStatement.of("DROP TABLE " + table(operation.table())));
    }

    @Override
    public List<SqlStatement> visitRenameTable(RenameTable operation) {
        return List.of(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " RENAME TO " + quote(operation.newName())));
    }

    @Override
    public List<SqlStatement> visitAddColumn(AddColumn operation) {
        String table = table(operation.table());
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(SqlStatement.of("ALTER TABLE " + table + " ADD COLUMN "
                + columnDefinition(operation.table().name(), operation.column())));
        for (TableConstraint constraint : operation.constraints()) {
            statements.add(SqlStatement.of("ALTER TABLE " + table + " ADD " + constraint(constraint)));
        }
        if (operation.column().comment() != null) {
            statements.add(columnComment(operation.table(), operation.column().name(), operation.column().comment()));
        }
        return statements;
    }

    @Override
    public List<SqlStatement> visitDropColumn(DropColumn operation) {
        return List.of(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " DROP COLUMN " + quote(operation.column())));
    }

    /** One statement per change, in a fixed order: type, nullability, default, comment, rename. */
    @Override
    public List<SqlStatement> visitAlterColumn(AlterColumn operation) {
        String prefix = "ALTER TABLE " + table(operation.table()) + " ALTER COLUMN " + quote(operation.column()) + " ";
        List<SqlStatement> statements = new ArrayList<>();
        if (operation.type() != null) {
            statements.add(SqlStatement.of(prefix + "SET DATA TYPE " + type(operation.type()) + using(operation)));
            if (operation.type() instanceof ColumnType.EnumCheck values) {
                // An enum column that takes other values: its check is replaced, not added beside the old one.
                TableConstraint.Check check = enumCheck(operation.table().name(), operation.column(), values);
                statements.add(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " DROP CONSTRAINT IF EXISTS "
                        + quote(check.name())));
                statements.add(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " ADD " + constraint(check)));
            }
        }
        if (operation.nullable() != null) {
            statements.add(SqlStatement.of(prefix + (operation.nullable() ? "DROP NOT NULL" : "SET NOT NULL")));
        }
        if (operation.serverDefault() != null) {
            statements.add(SqlStatement.of(prefix + "SET DEFAULT " + defaultValue(operation.serverDefault())));
        }
        if (operation.dropDefault()) {
            statements.add(SqlStatement.of(prefix + "DROP DEFAULT"));
        }
        if (operation.comment() != null || operation.dropComment()) {
            statements.add(columnComment(operation.table(), operation.column(), operation.comment()));
        }
        if (operation.newName() != null) {
            statements.add(renameColumn(operation.table(), operation.column(), operation.newName()));
        }
        return statements;
    }

    /** {@code COMMENT ON TABLE ... IS '...'}, or {@code IS NULL} to remove the comment. */
    @Override
    public List<SqlStatement> visitTableComment(TableComment operation) {
        return List.of(tableComment(operation.table(), operation.comment()));
    }

    /** The {@code USING} clause of a type change; only some databases have one. */
    protected String using(AlterColumn operation) {
        if (operation.using() != null) {
            throw unsupported("alterColumn " + operation.table() + "." + operation.column(), "using",
                    "remove using(...) and convert the values with op.execute before or after the type change");
        }
        return "";
    }

    protected SqlStatement renameColumn(QualifiedName table, String column, String newName) {
        return SqlStatement.of("ALTER TABLE " + table(table) + " RENAME COLUMN " + quote(column) + " TO " + quote(newName));
    }

    @Override
    public List<SqlStatement> visitCreateIndex(CreateIndex operation) {
        checkIndexOptions(operation);
        String keys = operation.keys().stream().map(this::indexKey).collect(Collectors.joining(", "));
        String sql = "CREATE " + (operation.unique() ? "UNIQUE " : "") + "INDEX "
                + (concurrently(operation.concurrently()) ? "CONCURRENTLY " : "")
                + indexName(operation.name(), operation.table()) + " ON " + table(operation.table()) + " (" + keys + ")"
                + (operation.where() == null ? "" : " WHERE " + operation.where());
        return List.of(new SqlStatement(sql, List.of(), concurrently(operation.concurrently())));
    }

    /** Rejects index options this database cannot honour; the standard accepts all but concurrently. */
    protected void checkIndexOptions(CreateIndex operation) {
    }

    /**
     * Whether to build or drop concurrently (outside the transaction); databases that cannot
     * fail here, databases with nothing to protect answer false.
     */
    protected boolean concurrently(boolean requested) {
        if (requested) {
            throw unsupported("index", "concurrently", "remove concurrently()");
        }
        return false;
    }

    /** The index name as CREATE INDEX takes it. */
    protected String indexName(String name, QualifiedName table) {
        return quote(name);
    }

    /** One key as CREATE INDEX lists it: a quoted column (with DESC when descending) or the expression. */
    protected String indexKey(IndexKey key) {
        if (key.expression()) {
            return key.text();
        }
        return quote(key.columnName()) + (key.descending() ? " DESC" : "");
    }

    @Override
    public List<SqlStatement> visitDropIndex(DropIndex operation) {
        boolean concurrently = concurrently(operation.concurrently());
        String sql = "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + (operation.ifExists() ? "IF EXISTS " : "")
                + dialect.qualify(effectiveSchema(operation.table()), operation.name());
        return List.of(new SqlStatement(sql, List.of(), concurrently));
    }

    @Override
    public List<SqlStatement> visitAddConstraint(AddConstraint operation) {
        if (operation.usingIndex() != null) {
            return takeOverIndex(operation);
        }
        return List.of(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " ADD " + constraint(operation.constraint())
                + (operation.notValid() ? notValid() : "")));
    }

    /**
     * A unique or primary key that takes over the unique index {@link AddConstraint#usingIndex()}
     * instead of building its own. There is no standard form: each database that honours the option
     * overrides this; the others refuse it.
     */
    protected List<SqlStatement> takeOverIndex(AddConstraint operation) {
        throw unsupported(keyCall(operation), "usingIndex", "remove usingIndex(...) (and the index built for it) so "
                + "the constraint builds its own index");
    }

    /** {@code UNIQUE} or {@code PRIMARY KEY}: the kind of key a {@link #takeOverIndex} adds. */
    protected static String keyKind(AddConstraint operation) {
        return operation.constraint() instanceof TableConstraint.PrimaryKey ? "PRIMARY KEY" : "UNIQUE";
    }

    /** The call that recorded a key, as messages name it: {@code addUnique uq_users_email on users}. */
    protected static String keyCall(AddConstraint operation) {
        return (operation.constraint() instanceof TableConstraint.PrimaryKey ? "addPrimaryKey " : "addUnique ")
                + operation.constraint().name() + " on " + operation.table();
    }

    /**
     * The clause that adds a constraint without checking existing rows; empty where the database
     * has none (the constraint is then checked at once, which an embedded database can afford).
     */
    protected String notValid() {
        return "";
    }

    /** Nothing to do where {@link #notValid()} is empty: the constraint was checked when it was added. */
    @Override
    public List<SqlStatement> visitValidateConstraint(ValidateConstraint operation) {
        return List.of();
    }

    @Override
    public List<SqlStatement> visitDropConstraint(DropConstraint operation) {
        return List.of(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " DROP CONSTRAINT " + quote(operation.name())));
    }

    @Override
    public List<SqlStatement> visitCreateSequence(CreateSequence operation) {
        return List.of(SqlStatement.of("CREATE SEQUENCE " + table(operation.sequence())
                + (operation.start() == null ? "" : " START WITH " + operation.start())
                + (operation.increment() == null ? "" : " INCREMENT BY " + operation.increment())
                + (operation.noCache() ? " " + noCache() : "")));
    }

    /** The clause that keeps no values of a sequence in memory ahead. */
    protected String noCache() {
        return "NO CACHE";
    }

    @Override
    public List<SqlStatement> visitAlterSequence(AlterSequence operation) {
        return List.of(SqlStatement.of("ALTER SEQUENCE " + table(operation.sequence())
                + (operation.increment() == null ? "" : " INCREMENT BY " + operation.increment())
                + (operation.minValue() == null ? "" : " MINVALUE " + operation.minValue())
                + (operation.maxValue() == null ? "" : " MAXVALUE " + operation.maxValue())
                + (operation.start() == null ? "" : " START WITH " + operation.start())
                + (operation.restart() == null ? "" : " RESTART WITH " + operation.restart())
                + (operation.cycle() == null ? "" : operation.cycle() ? " CYCLE" : " " + noCycle())));
    }

    /** The keyword that makes a sequence fail at its end instead of wrapping around. */
    protected String noCycle() {
        return "NO CYCLE";
    }

    @Override
    public List<SqlStatement> visitCreateSchema(CreateSchema operation) {
        return List.of(SqlStatement.of("CREATE SCHEMA " + quote(operation.name())));
    }

    @Override
    public List<SqlStatement> visitDropSchema(DropSchema operation) {
        return List.of(SqlStatement.of("DROP SCHEMA " + quote(operation.name())));
    }

    @Override
    public List<SqlStatement> visitDropSequence(DropSequence operation) {
        return List.of(SqlStatement.of("DROP SEQUENCE " + table(operation.sequence())));
    }

    @Override
    public List<SqlStatement> visitExecuteSql(ExecuteSql operation) {
        return List.of(new SqlStatement(operation.sql(), operation.parameters(), false));
    }

    /** Multi-row INSERTs with bound values, in chunks that stay under every driver's parameter limit. */
    @Override
    public List<SqlStatement> visitBulkInsert(BulkInsert operation) {
        int columns = operation.columns().size();
        int rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS_PER_INSERT / columns));
        String head = "INSERT INTO " + table(operation.table()) + " (" + quoteAll(operation.columns()) + ") VALUES ";
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        List<SqlStatement> statements = new ArrayList<>();
        List<List<Object>> rows = operation.rows();
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            List<Object> parameters = new ArrayList<>();
            chunk.forEach(parameters::addAll);
            String sql = head + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
            statements.add(new SqlStatement(sql, parameters, false));
        }
        return statements;
    }

    /** The unbatched form, for offline scripts: one {@code UPDATE} over every matching row. */
    @Override
    public List<SqlStatement> visitBatchedUpdate(BatchedUpdate operation) {
        return List.of(SqlStatement.of("UPDATE " + table(operation.table()) + " SET " + operation.setClause()
                + " WHERE " + operation.whereClause()));
    }

    @Override
    public List<SqlStatement> visitWithConnection(WithConnection operation) {
        throw new MigrateException("withConnection runs Java code on a live connection and has no SQL form, so it "
                + "cannot go into an offline script (migrate.sql); run this revision online, or use op.execute(sql) instead.");
    }

    /**
     * One batch of a {@link BatchedUpdate}: updates at most {@code batchSize} of the rows the where
     * clause selects. The engine repeats it until it updates no row.
     */
    public SqlStatement updateBatch(BatchedUpdate operation) {
        String rowId = rowIdColumn();
        if (rowId == null) {
            throw unsupported("batchedUpdate on " + operation.table(), "batchSize",
                    "the database has no row identifier to pick a batch by; use op.execute with your own key ranges");
        }
        String table = table(operation.table());
        return SqlStatement.of("UPDATE " + table + " SET " + operation.setClause() + " WHERE " + rowId + " IN (SELECT "
                + rowId + " FROM " + table + " WHERE " + operation.whereClause() + " LIMIT " + operation.batchSize() + ")");
    }

    /** How many rows a batched update has left to do: those its WHERE clause still selects. */
    public SqlStatement batchedRowCount(BatchedUpdate operation) {
        return SqlStatement.of("SELECT COUNT(*) FROM " + table(operation.table()) + " WHERE " + operation.whereClause());
    }

    /** The pseudo-column that identifies a row physically ({@code ctid}, {@code _ROWID_}), or null. */
    protected String rowIdColumn() {
        return null;
    }
}
