package dev.migrate.engine;

import dev.migrate.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A {@link JdbcSink} that holds back the statements a batch can carry and sends them in one round
 * trip when something needs the database: a statement that cannot be batched, the commit, a
 * {@code withConnection} callback or an explicit {@link #flush()}. Only for databases with
 * transactional DDL, where a failing statement aborts the transaction, so nothing sent after it in
 * the same batch can take effect once the revision rolls back.
 *
 * <p>A batch failing throws {@link BatchFailure}, which names the statement that failed.
 */
final class BatchingSink implements StatementSink {

    private final JdbcSink target;
    /** The database's COMMIT as a statement of a batch. */
    private final String commit;
    private final StatementBatch batch = new StatementBatch();

    BatchingSink(JdbcSink target, SqlStatement commit) {
        this.target = target;
        this.commit = commit.sql();
    }

    /** A failed batch: the database's own error, and which of the batched statements it was. */
    static final class BatchFailure extends SQLException {

        private static final long serialVersionUID = 1L;
        private final transient FailurePoint point;

        BatchFailure(SQLException cause, FailurePoint point) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.point = point;
        }

        FailurePoint point() {
            return point;
        }

        /** The database's error as the driver raised it. */
        SQLException database() {
            return (SQLException) getCause();
        }
    }

    @Override
    public void begin() {
        // JDBC starts a transaction with the first statement after a commit.
    }

    /** Ends the transaction inside the batch when one is waiting, saving the commit's round trip. */
    @Override
    public void commit() throws SQLException {
        if (!batch.isEmpty()) {
            queue(commit, FailurePoint.COMMIT);
            flush();
        }
        target.commit(); // sends nothing when the batch committed already
    }

    @Override
    public void rollbackQuietly() {
        batch.discard();
        target.rollbackQuietly();
    }

    /** Batches what a batch can carry ({@link #UNKNOWN_COUNT} then); sends anything else at once, after the batch. */
    @Override
    public int execute(SqlStatement statement) throws SQLException {
        if (StatementBatch.batchable(statement)) {
            queue(statement.sql(), FailurePoint.statement(statement.sql()));
            return UNKNOWN_COUNT;
        }
        flush();
        return target.execute(statement);
    }

    @Override
    public int executeNow(SqlStatement statement) throws SQLException {
        flush();
        return target.execute(statement);
    }

    /** Adds plain SQL text to the batch; {@code point} is what a failure names. */
    void queue(String sql, FailurePoint point) {
        batch.add(sql, point);
    }

    /** The statements batched so far, sent in one round trip: their update counts. */
    int[] send() throws SQLException {
        if (batch.isEmpty()) {
            return new int[0];
        }
        try {
            return batch.send(target.connection());
        } catch (SQLException e) {
            throw new BatchFailure(e, batch.failed());
        }
    }

    @Override
    public void flush() throws SQLException {
        send();
    }

    @Override
    public void executeOutsideTransaction(SqlStatement statement) throws SQLException {
        flush();
        target.executeOutsideTransaction(statement);
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
        return target.connection();
    }
}
