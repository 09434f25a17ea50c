package dev.migrate.dialect;

import java.time.Duration;
import java.util.List;

/** PostgreSQL, the first-class target: transactional DDL, CONCURRENTLY, advisory locks. */
public class PostgresDialect extends StandardSqlDialect {

    private static final DialectCapabilities CAPABILITIES = new DialectCapabilities(true, true, true);

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public DialectCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    protected String bytesLiteral(byte[] bytes) {
        return "'\\x" + hex(bytes) + "'::bytea";
    }

    /** undefined_table (also reported for a missing schema) and invalid_schema_name. */
    @Override
    public boolean isMissingTable(String sqlState, int vendorCode) {
        return "42P01".equals(sqlState) || "3F000".equals(sqlState);
    }

    @Override
    public List<SqlStatement> ddlLockTimeout(Duration timeout) {
        // SET LOCAL ends with the revision's transaction, so the setting never leaks into the next one.
        return List.of(SqlStatement.of("SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'"));
    }

    @Override
    public SqlStatement tryAdvisoryLock(long key) {
        return SqlStatement.of("SELECT pg_try_advisory_lock(?)", key);
    }

    @Override
    public SqlStatement advisoryUnlock(long key) {
        return SqlStatement.of("SELECT pg_advisory_unlock(?)", key);
    }

    @Override
    protected OperationRenderer renderer(String schema) {
        return new PostgresOperationRenderer(this, schema);
    }
}
