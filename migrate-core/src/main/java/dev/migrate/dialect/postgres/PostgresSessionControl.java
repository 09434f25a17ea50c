package dev.migrate.dialect.postgres;

import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlStatement;

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
}
