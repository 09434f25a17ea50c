package dev.migrate.engine;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A session-level advisory lock (PostgreSQL), keyed by the version table's qualified name. Its
 * connection stays in autocommit, so it is never "idle in transaction": {@code CREATE INDEX
 * CONCURRENTLY} waits for older transactions and would otherwise wait for this one forever. The
 * server releases the lock when the session dies, so a crashed run cannot leave it behind.
 */
final class PostgresAdvisoryLock extends DatabaseLock {

    private final long key;

    PostgresAdvisoryLock(Connection connection, Dialect dialect, BookkeepingTables tables) throws SQLException {
        super(connection, dialect, dialect.qualify(tables.schema(), tables.version()));
        connection.setAutoCommit(true);
        this.key = key(dialect.qualify(tables.schema(), tables.version()));
    }

    /** First 8 bytes of SHA-256("migrate:" + qualified name): stable across runs and versions. */
    static long key(String qualifiedVersionTable) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("migrate:" + qualifiedVersionTable).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    protected boolean tryLock(Duration wait) throws SQLException {
        return queryBoolean(dialect.tryAdvisoryLock(key));
    }

    @Override
    protected void unlock() throws SQLException {
        queryBoolean(dialect.advisoryUnlock(key));
    }

    private boolean queryBoolean(SqlStatement statement) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
            query.setObject(1, statement.parameters().get(0));
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
