package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlStatement;
import java.util.List;

/** Connection ids, {@code KILL QUERY} and {@code KILL CONNECTION} (allowed on the user's own sessions). */
final class MariaDbSessionControl implements SessionControl {

    @Override
    public SqlStatement sessionId() {
        return SqlStatement.of("SELECT CONNECTION_ID()");
    }

    /** KILL takes no placeholder; the id is a number, written in. */
    @Override
    public SqlStatement cancelStatement(int id) {
        return SqlStatement.of("KILL QUERY " + id);
    }

    @Override
    public SqlStatement endSession(int id) {
        return SqlStatement.of("KILL CONNECTION " + id);
    }

    @Override
    public String endSessionByHand(String id) {
        return "KILL " + id;
    }

    /**
     * wait_timeout closes a session idle for longer (8 hours by default, often minutes behind a proxy or
     * on a hosted server); 31536000 s, a year, is the largest value MariaDB and MySQL accept everywhere.
     */
    @Override
    public List<SqlStatement> keepOpenWhileIdle() {
        return List.of(SqlStatement.of("SET SESSION wait_timeout = 31536000"));
    }

    /** Back to the server's value (what a new non-interactive session starts with). */
    @Override
    public List<SqlStatement> restoreIdleTimeout() {
        return List.of(SqlStatement.of("SET SESSION wait_timeout = @@GLOBAL.wait_timeout"));
    }
}
