package dev.migrate.dialect;

import dev.migrate.MigrateException;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.OperationVisitor;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.WithConnection;
import java.util.List;

/**
 * Renders operations to the SQL most databases share (Alembic's {@code DefaultImpl}); the
 * PostgreSQL and H2 renderers override only what differs. One instance renders for one default
 * schema; identifiers always go through {@link Dialect#quote(String)}.
 */
public class OperationRenderer implements OperationVisitor<List<SqlStatement>> {

    protected final Dialect dialect;
    protected final String schema;

    /**
     * @param dialect quoting and literals
     * @param schema  the default schema unqualified names are put in, or null
     */
    public OperationRenderer(Dialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = schema == null || schema.isEmpty() ? null : schema;
    }

    @Override
    public List<SqlStatement> visitExecuteSql(ExecuteSql operation) {
        return List.of(new SqlStatement(operation.sql(), operation.parameters(), false));
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
            throw unsupported("batchedUpdate", "it has no row identifier to pick a batch by; use op.execute with your own key range");
        }
        String table = table(operation.table());
        return SqlStatement.of("UPDATE " + table + " SET " + operation.setClause() + " WHERE " + rowId + " IN (SELECT "
                + rowId + " FROM " + table + " WHERE " + operation.whereClause() + " LIMIT " + operation.batchSize() + ")");
    }

    /** The pseudo-column that identifies a row physically ({@code ctid}, {@code _ROWID_}), or null. */
    protected String rowIdColumn() {
        return null;
    }

    // ---- shared pieces ----

    /** The quoted, schema-qualified name; unqualified names go into the default schema. */
    protected String table(QualifiedName name) {
        return dialect.qualify(name.schema() != null ? name.schema() : schema, name.name());
    }

    protected String quote(String identifier) {
        return dialect.quote(identifier);
    }

    /** The error for an option this database cannot honour: names the option and the dialect. */
    protected MigrateException unsupported(String option, String why) {
        return new MigrateException("The option '" + option + "' is not supported on " + dialect.name() + ": " + why + ".");
    }
}
