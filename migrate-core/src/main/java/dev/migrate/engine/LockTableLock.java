package dev.migrate.engine;

import dev.migrate.dialect.BookkeepingTable;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * For databases without a named run lock (H2): the single row of a lock table, locked with
 * {@code SELECT ... FOR UPDATE} in a transaction that stays open on a dedicated connection. A
 * row lock cannot outlive its session, so a crashed run leaves nothing to clean up (unlike a
 * "locked" flag written to a table).
 */
final class LockTableLock extends DatabaseLock {

    private final BookkeepingTables tables;

    LockTableLock(Connection connection, Dialect dialect, BookkeepingTables tables) throws SQLException {
        super(connection, dialect, dialect.qualify(tables.schema(), tables.version()));
        this.tables = tables;
        prepareTable();
    }

    private void prepareTable() throws SQLException {
        connection.setAutoCommit(true);
        if (tables.schema() != null) {
            JdbcSink.send(connection, dialect.createSchemaIfMissing(tables.schema()));
        }
        JdbcSink.send(connection, dialect.createIfMissing(BookkeepingTable.LOCK, tables.schema(), tables.lock()));
        try {
            JdbcSink.send(connection, dialect.insertLockRow(tables.schema(), tables.lock()));
        } catch (SQLException e) {
            // Two first runs may both insert the row; the loser's duplicate key is harmless.
            if (!dialect.isDuplicateKey(e.getSQLState(), e.getErrorCode())) {
                throw e;
            }
        }
        connection.setAutoCommit(false);
    }

    @Override
    protected boolean tryLock(Duration wait) throws SQLException {
        for (SqlStatement statement : dialect.rowLockWait(wait)) {
            JdbcSink.send(connection, statement);
        }
        try {
            JdbcSink.send(connection, dialect.lockRow(tables.schema(), tables.lock()));
            return true;
        } catch (SQLException e) {
            if (dialect.isLockBusy(e.getSQLState(), e.getErrorCode())) {
                connection.rollback();
                return false;
            }
            throw e;
        }
    }

    @Override
    protected void unlock() throws SQLException {
        connection.rollback();
    }
}
