package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.SqlStatement;
import java.util.Optional;

/**
 * {@code GET_LOCK}: a named lock the server releases when the session ends. Lock names are server-wide,
 * not per database, so the name is the SHA-1 of the database and migrate's own name for the lock
 * (which names the version table): two databases on one server never block each other, and the name
 * stays within the 64 characters MySQL allows. The database is the version table's schema when the run
 * has one (a tenant, migrate.schema), else the session's current one: never the current one when a
 * schema is given, since a worker of a tenant run reuses its connections, switched by {@code USE} to
 * an earlier tenant's database, and two runs would otherwise name one tenant's lock differently.
 */
final class MariaDbNamedLock implements RunLock {

    /** Always answered at once; migrate polls, reporting the wait, up to migrate.lockTimeout. */
    @Override
    public SqlStatement tryLock(String name) {
        return tryLock(name, null);
    }

    @Override
    public SqlStatement tryLock(String name, String schema) {
        return SqlStatement.of("SELECT GET_LOCK(" + SERVER_NAME + ", 0)", schema, name);
    }

    @Override
    public SqlStatement unlock(String name) {
        return unlock(name, null);
    }

    @Override
    public SqlStatement unlock(String name, String schema) {
        return SqlStatement.of("SELECT RELEASE_LOCK(" + SERVER_NAME + ")", schema, name);
    }

    @Override
    public Optional<SqlStatement> holders(String name) {
        return holders(name, null);
    }

    /**
     * The session holding the lock, with what the process list says of it (no application name is recorded
     * there). The process list hides other users' sessions from a user without the PROCESS privilege: the
     * session's id still comes from IS_USED_LOCK, with the rest null.
     */
    @Override
    public Optional<SqlStatement> holders(String name, String schema) {
        return Optional.of(SqlStatement.of("SELECT l.ID, NULL, p.HOST, p.COMMAND, p.INFO, p.TIME"
                + " FROM (SELECT IS_USED_LOCK(" + SERVER_NAME + ") AS ID) l"
                + " LEFT JOIN information_schema.PROCESSLIST p ON p.ID = l.ID WHERE l.ID IS NOT NULL", schema, name));
    }

    /** {@code migrate:<40 hex digits>}: 48 characters, whatever the name; parameters: the schema (or null), the name. */
    private static final String SERVER_NAME = "CONCAT('migrate:', SHA1(CONCAT(COALESCE(?, DATABASE(), ''), '/', ?)))";
}
