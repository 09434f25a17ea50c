package dev.migrate.dialect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * Puts {@code schema} first on the session's search_path and keeps the rest (so functions of
     * extensions in {@code public} still resolve), as Flyway does with its first schema.
     */
    @Override
    public List<SqlStatement> useSchema(String schema) {
        return List.of(SqlStatement.of("SELECT set_config('search_path', ? || ', ' || current_setting('search_path'), false)",
                quote(schema)));
    }

    @Override
    public List<SqlStatement> ddlLockTimeout(Duration timeout) {
        // SET LOCAL ends with the revision's transaction, so the setting never leaks into the next one.
        return List.of(SqlStatement.of("SET LOCAL lock_timeout = '" + timeout.toMillis() + "ms'"));
    }

    /**
     * {@code WITH "changed" AS (<change> RETURNING 1) INSERT INTO history (...) SELECT CASE WHEN
     * (SELECT count(*) FROM "changed") = 1 THEN <revision> END, ...}: exactly one history row is
     * inserted, and its NOT NULL revision is null unless the change touched one row, so a version
     * table changed behind migrate's back fails the statement (not_null_violation) and with it the
     * transaction, before its COMMIT. Both times come from the server's clock (the revision's
     * transaction start, and the moment its statements are done), so client clock skew never
     * makes a duration negative.
     */
    @Override
    public Optional<SqlStatement> checkedVersionChange(SqlStatement change, String schema, String historyTable,
            List<Object> history) {
        if (history.size() != HISTORY_COLUMNS.length) {
            throw new IllegalArgumentException("expected " + HISTORY_COLUMNS.length + " history values, got " + history.size());
        }
        StringBuilder values = new StringBuilder("CASE WHEN (SELECT count(*) FROM " + quote("changed") + ") = 1 THEN ? END");
        List<Object> parameters = new ArrayList<>(change.parameters());
        parameters.add(history.get(0));
        for (int i = 1; i < HISTORY_COLUMNS.length; i++) {
            if (HISTORY_COLUMNS[i].equals("started")) {
                values.append(", transaction_timestamp()");
            } else if (HISTORY_COLUMNS[i].equals("finished")) {
                values.append(", clock_timestamp()");
            } else {
                values.append(", ?");
                parameters.add(history.get(i));
            }
        }
        String sql = "WITH " + quote("changed") + " AS (" + change.sql() + " RETURNING 1) INSERT INTO "
                + qualify(schema, historyTable) + " (" + columns(HISTORY_COLUMNS) + ") SELECT " + values;
        return Optional.of(new SqlStatement(sql, parameters, false));
    }

    /** not_null_violation: the history row's revision was null, see {@link #checkedVersionChange}. */
    @Override
    public boolean isVersionCheckFailure(String sqlState) {
        return "23502".equals(sqlState);
    }

    @Override
    public SqlStatement tryAdvisoryLock(long key) {
        return SqlStatement.of("SELECT pg_try_advisory_lock(?)", key);
    }

    @Override
    public SqlStatement advisoryUnlock(long key) {
        return SqlStatement.of("SELECT pg_advisory_unlock(?)", key);
    }

    /** Explains the cancellations and lock waits that are not the revision's fault. */
    @Override
    public String failureHint(String sqlState, int vendorCode, String message) {
        if ("57014".equals(sqlState)) {
            return "the statement was canceled: by Ctrl-C on this run (migrate cancels its statement on shutdown),"
                    + " by pg_cancel_backend, or by statement_timeout. Nothing of this revision was kept.";
        }
        if ("55P03".equals(sqlState)) {
            return "another session holds a lock this statement needs, and waiting for it was bounded (lock_timeout,"
                    + " which migrate.ddlLockTimeout sets, or NOWAIT); run again when that session is done, or raise"
                    + " migrate.ddlLockTimeout.";
        }
        return "";
    }

    @Override
    public SqlStatement sessionId() {
        return SqlStatement.of("SELECT pg_backend_pid()");
    }

    @Override
    public SqlStatement cancelSession(int pid) {
        return SqlStatement.of("SELECT pg_cancel_backend(?)", pid);
    }

    @Override
    public SqlStatement terminateSession(int pid) {
        return SqlStatement.of("SELECT pg_terminate_backend(?)", pid);
    }

    /** pg_locks shows a bigint key as its high half in classid and its low half in objid, objsubid 1. */
    @Override
    public SqlStatement advisoryLockHolders(long key) {
        return SqlStatement.of("SELECT a.pid, a.application_name, host(a.client_addr), a.state, a.query,"
                + " CAST(EXTRACT(EPOCH FROM (now() - a.state_change)) AS BIGINT)"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND CAST(l.classid AS BIGINT) = ? AND CAST(l.objid AS BIGINT) = ? ORDER BY a.pid",
                key >>> 32, key & 0xFFFF_FFFFL);
    }

    @Override
    protected OperationRenderer renderer(String schema) {
        return new PostgresOperationRenderer(this, schema);
    }
}
