package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.SqlStatement;
import java.util.Optional;

/**
 * {@code GET_LOCK}: a named lock the server releases when the session ends. Lock names are server-wide,
 * not per database, so the name is the SHA-1 of the current database and migrate's own name for the
 * lock (which names the version table): two databases on one server never block each other, and the
 * name stays within the 64 characters MySQL allows.
 */
final class MariaDbNamedLock implements RunLock {

    /** Always answered at once; migrate polls, reporting the wait, up to migrate.lockTimeout. */
    @Override
    public SqlStatement tryLock(String name) {
        return SqlStatement.of("SELECT GET_LOCK(" + serverName() + ", 0)", name);
    }

    @Override
    public SqlStatement unlock(String name) {
        return SqlStatement.of("SELECT RELEASE_LOCK(" + serverName() + ")", name);
    }

    /** The session holding the lock, from the process list; no application name is recorded there. */
    @Override
    public Optional<SqlStatement> holders(String name) {
        return Optional.of(SqlStatement.of("SELECT p.ID, NULL, p.HOST, p.COMMAND, p.INFO, p.TIME"
                + " FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(" + serverName() + ")", name));
    }

    /** {@code migrate:<40 hex digits>}: 48 characters, whatever the name. */
    private static String serverName() {
        return "CONCAT('migrate:', SHA1(CONCAT(COALESCE(DATABASE(), ''), '/', ?)))";
    }
}
