package dev.migrate.dialect.postgres;

import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.DialectCapabilities;
import dev.migrate.dialect.OperationRenderer;
import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.dialect.StandardSqlDialect;
import dev.migrate.dialect.TemporarySchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL, the first-class target: transactional DDL, CONCURRENTLY, advisory locks, statement cancel. */
public class PostgresDialect extends StandardSqlDialect {

    private static final DialectCapabilities CAPABILITIES = new DialectCapabilities(true, true);
    private static final Set<String> LOST_SESSION = Set.of("57P01", "57P02", "57P03");
    private static final ConnectionDefaults CONNECTION_DEFAULTS = new PostgresConnectionDefaults();
    private static final RunLock RUN_LOCK = new PostgresAdvisoryLock();
    private static final SessionControl SESSION_CONTROL = new PostgresSessionControl();
    private static final TemporarySchema TEMPORARY_SCHEMA = new TemporarySchema("pg_temp",
            SqlStatement.of("SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = pg_catalog.pg_my_temp_schema()"),
            // TEMPORARY is granted to PUBLIC by default, but a database may revoke it.
            SqlStatement.of("SELECT has_database_privilege(current_database(), 'TEMPORARY'), NOT EXISTS (SELECT 1"
                    + " FROM pg_catalog.pg_class WHERE relnamespace = pg_catalog.pg_my_temp_schema())"));

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

    /** undefined_column. */
    @Override
    public boolean isMissingColumn(String sqlState, int vendorCode) {
        return "42703".equals(sqlState);
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

    /** lock_not_available: a lock wait bounded by lock_timeout (or NOWAIT) ran out. */
    @Override
    public boolean isLockBusy(String sqlState, int vendorCode) {
        return "55P03".equals(sqlState);
    }

    /** admin_shutdown, crash_shutdown, cannot_connect_now: pg_terminate_backend or a server restart. */
    @Override
    public boolean isLostSession(String sqlState, int vendorCode) {
        return sqlState != null && LOST_SESSION.contains(sqlState); // Set.of refuses to look up null
    }

    @Override
    public String deferredCommitHint() {
        return "the database refused the COMMIT: a constraint declared DEFERRABLE INITIALLY DEFERRED (or deferred"
                + " by SET CONSTRAINTS) is checked only when the transaction commits.";
    }

    @Override
    public String lockBusyAdvice() {
        return "Another session holds a lock on them (a LOCK TABLE, or a long transaction that changed them; pg_locks"
                + " shows it)";
    }

    @Override
    public ConnectionDefaults connectionDefaults() {
        return CONNECTION_DEFAULTS;
    }

    @Override
    public Optional<RunLock> runLock() {
        return Optional.of(RUN_LOCK);
    }

    @Override
    public Optional<SessionControl> sessionControl() {
        return Optional.of(SESSION_CONTROL);
    }

    @Override
    public Optional<TemporarySchema> temporarySchema() {
        return Optional.of(TEMPORARY_SCHEMA);
    }

    /** TEMPORARY for pg_temp, CREATE for a named schema: both privileges on the database. */
    @Override
    public String scratchPrivilege(boolean temporary, String database, String user, String prefix) {
        String privilege = temporary ? "TEMPORARY" : "CREATE";
        return "the " + privilege + " privilege on the database (GRANT " + privilege + " ON DATABASE " + quote(database)
                + " TO " + quote(user) + ")";
    }

    @Override
    protected OperationRenderer renderer(String schema) {
        return new PostgresOperationRenderer(this, schema);
    }
}
