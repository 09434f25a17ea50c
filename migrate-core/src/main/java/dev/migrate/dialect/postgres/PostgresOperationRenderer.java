package dev.migrate.dialect.postgres;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.OperationRenderer;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ValidateConstraint;
import dev.migrate.dialect.SqlStatement;
import java.util.List;

/**
 * PostgreSQL's differences from the standard rendering (Alembic's {@code PostgresqlImpl}):
 * native JSONB/BYTEA/TEXT types, {@code USING} on type changes, {@code CONCURRENTLY} index builds
 * that run outside the revision's transaction, batches picked by {@code ctid}.
 */
public class PostgresOperationRenderer extends OperationRenderer {

    /** PostgreSQL has no NO CACHE: a cache of one value is none. */
    @Override
    protected String noCache() {
        return "CACHE 1";
    }

    public PostgresOperationRenderer(Dialect dialect, String schema) {
        super(dialect, schema);
    }

    @Override
    protected String basicType(ColumnType.Basic type) {
        switch (type) {
            case JSONB:
                return "JSONB";
            case BYTES:
                return "BYTEA";
            default:
                return super.basicType(type);
        }
    }

    @Override
    protected String using(AlterColumn operation) {
        return operation.using() == null ? "" : " USING " + operation.using();
    }

    /** PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY inside a transaction block. */
    @Override
    protected String notValid() {
        return " NOT VALID";
    }

    /**
     * {@code ADD CONSTRAINT ... USING INDEX}: the constraint takes the index over (renaming it to the
     * constraint's name) under a brief ACCESS EXCLUSIVE lock, with no index build; a primary key also
     * sets its columns NOT NULL, which scans the table unless a validated check proves it.
     */
    @Override
    protected List<SqlStatement> takeOverIndex(AddConstraint operation) {
        return List.of(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " ADD CONSTRAINT "
                + quote(operation.constraint().name()) + " " + keyKind(operation) + " USING INDEX " + quote(operation.usingIndex())));
    }

    @Override
    public List<SqlStatement> visitValidateConstraint(ValidateConstraint operation) {
        String sql = "ALTER TABLE " + table(operation.table()) + " VALIDATE CONSTRAINT " + quote(operation.name());
        // In its own transaction the scan holds only its SHARE UPDATE EXCLUSIVE lock, not the add's.
        return List.of(operation.ownTransaction() ? SqlStatement.outsideTransaction(sql) : SqlStatement.of(sql));
    }

    @Override
    protected boolean concurrently(boolean requested) {
        return requested;
    }

    @Override
    protected String rowIdColumn() {
        return "ctid";
    }
}
