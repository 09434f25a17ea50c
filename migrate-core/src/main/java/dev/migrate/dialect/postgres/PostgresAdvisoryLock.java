package dev.migrate.dialect.postgres;

import dev.migrate.dialect.RunLock;
import dev.migrate.dialect.SqlStatement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Session-level advisory locks, keyed by the first 8 bytes of SHA-256 of the lock's name: stable
 * across runs and versions ({@code migrate:<version table>} gives the key migrate has always used).
 */
public final class PostgresAdvisoryLock implements RunLock {

    /** The bigint key of the lock {@code name}. */
    public static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public SqlStatement tryLock(String name) {
        return SqlStatement.of("SELECT pg_try_advisory_lock(?)", key(name));
    }

    @Override
    public SqlStatement unlock(String name) {
        return SqlStatement.of("SELECT pg_advisory_unlock(?)", key(name));
    }

    /** pg_locks shows a bigint key as its high half in classid and its low half in objid, objsubid 1. */
    @Override
    public Optional<SqlStatement> holders(String name) {
        long key = key(name);
        return Optional.of(SqlStatement.of("SELECT a.pid, a.application_name, host(a.client_addr), a.state, a.query,"
                + " CAST(EXTRACT(EPOCH FROM (now() - a.state_change)) AS BIGINT)"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND CAST(l.classid AS BIGINT) = ? AND CAST(l.objid AS BIGINT) = ? ORDER BY a.pid",
                key >>> 32, key & 0xFFFF_FFFFL));
    }
}
