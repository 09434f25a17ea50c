package dev.migrate.engine;

import dev.migrate.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Executes statements on one connection held in manual-commit mode. */
public final class JdbcSink implements StatementSink {

    private final Connection connection;

    /** Takes {@code connection} out of autocommit; the caller closes it. */
    public JdbcSink(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    @Override
    public void begin() {
        // JDBC starts a transaction with the first statement after a commit.
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            // The original failure matters more; a dead connection cannot hold anything anyway.
        }
    }

    @Override
    public int execute(SqlStatement statement) throws SQLException {
        return send(connection, statement);
    }

    @Override
    public void executeOutsideTransaction(SqlStatement statement) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
        try {
            send(connection, statement);
        } finally {
            connection.setAutoCommit(false);
        }
    }

    @Override
    public void comment(String text) {
        // Comments belong to scripts.
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    /** Runs one statement, binding its parameters when it has any; returns the update count (0 for queries). */
    static int send(Connection connection, SqlStatement statement) throws SQLException {
        List<Object> parameters = statement.parameters();
        if (parameters.isEmpty()) {
            try (Statement plain = connection.createStatement()) {
                // Plain statements keep PostgreSQL's multi-statement scripts and '?' operators working.
                return plain.execute(statement.sql()) ? 0 : Math.max(plain.getUpdateCount(), 0);
            }
        }
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (int i = 0; i < parameters.size(); i++) {
                prepared.setObject(i + 1, parameters.get(i));
            }
            return prepared.execute() ? 0 : Math.max(prepared.getUpdateCount(), 0);
        }
    }
}
