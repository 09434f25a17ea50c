package dev.migrate.engine;

import dev.migrate.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Executes statements on one connection held in manual-commit mode. */
final class JdbcSink implements StatementSink {

    private final Connection connection;

    /** Takes {@code connection} out of autocommit; the caller closes it. */
    JdbcSink(Connection connection) throws SQLException {
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

    /** {@code statement} prepared on {@code connection} with its parameters bound; the caller closes it. */
    static PreparedStatement prepare(Connection connection, SqlStatement statement) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement.sql());
        try {
            List<Object> parameters = statement.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                prepared.setObject(i + 1, parameters.get(i));
            }
            return prepared;
        } catch (SQLException | RuntimeException e) {
            prepared.close();
            throw e;
        }
    }

    /**
     * Runs a control statement (a lock, a cancel) and reads its answer: the first column of its first row
     * as a boolean (a number is true unless 0), or true when it returns no result set (MySQL's KILL).
     */
    static boolean answer(Connection connection, SqlStatement statement) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement)) {
            if (!prepared.execute()) {
                return true;
            }
            try (ResultSet row = prepared.getResultSet()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Runs a query that answers with one number (a session id); 0 when it returns no row or no number. */
    static int number(Connection connection, SqlStatement statement) throws SQLException {
        try (PreparedStatement prepared = prepare(connection, statement); ResultSet row = prepared.executeQuery()) {
            if (!row.next()) {
                return 0;
            }
            Object value = row.getObject(1);
            return value instanceof Number number ? number.intValue() : 0;
        }
    }
}
