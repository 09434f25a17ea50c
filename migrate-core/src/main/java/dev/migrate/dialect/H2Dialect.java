package dev.migrate.dialect;

import java.time.Duration;
import java.util.List;

/** H2, the embedded default. DDL commits implicitly, so a failing revision can be half-applied. */
public class H2Dialect extends StandardSqlDialect {

    private static final DialectCapabilities CAPABILITIES = new DialectCapabilities(false, false, false);

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public DialectCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<SqlStatement> ddlLockTimeout(Duration timeout) {
        return List.of(SqlStatement.of("SET LOCK_TIMEOUT " + timeout.toMillis()));
    }

    @Override
    public List<SqlStatement> rowLockWait(Duration wait) {
        // Session-wide in H2; only ever sent on the lock's own connection.
        return List.of(SqlStatement.of("SET LOCK_TIMEOUT " + wait.toMillis()));
    }

    @Override
    protected OperationRenderer renderer(String schema) {
        return new H2OperationRenderer(this, schema);
    }
}
