package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.SessionControl;
import dev.migrate.dialect.SqlStatement;

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
}
