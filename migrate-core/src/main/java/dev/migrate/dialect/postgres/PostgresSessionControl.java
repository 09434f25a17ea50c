package dev.migrate.dialect.postgres;

import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlStatement;
import java.util.List;

/** Backend pids, {@code pg_cancel_backend} and {@code pg_terminate_backend}. */
final class PostgresSessionControl implements SessionControl {

    @Override
    public SqlStatement sessionId() {
        return SqlStatement.of("SELECT pg_backend_pid()");
    }

    @Override
    public SqlStatement cancelStatement(int id) {
        return SqlStatement.of("SELECT pg_cancel_backend(?)", id);
    }

    @Override
    public SqlStatement endSession(int id) {
        return SqlStatement.of("SELECT pg_terminate_backend(?)", id);
    }

    @Override
    public String endSessionByHand(String id) {
        return "SELECT pg_terminate_backend(" + id + ")";
    }

    /**
     * PostgreSQL 14 and later end a session idle longer than {@code idle_session_timeout} (0, off, by
     * default; a DBA may set it for a database or role): read through {@code pg_settings}, so that a
     * server without the setting (13 and older) simply returns no row.
     */
    @Override
    public List<SqlStatement> keepOpenWhileIdle() {
        return List.of(SqlStatement.of("SELECT set_config(name, '0', false) FROM pg_settings WHERE name = 'idle_session_timeout'"));
    }

    /** Back to the value the session started with ({@code reset_val}: the database's, role's or server's). */
    @Override
    public List<SqlStatement> restoreIdleTimeout() {
        return List.of(SqlStatement.of(
                "SELECT set_config(name, reset_val, false) FROM pg_settings WHERE name = 'idle_session_timeout'"));
    }
}
