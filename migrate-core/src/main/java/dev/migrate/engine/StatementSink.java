package dev.migrate.engine;

import dev.migrate.dialect.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a run's statements go: {@link JdbcSink} executes them, {@link BatchingSink} executes them
 * in batches, {@link ScriptSink} writes an offline script (Alembic's {@code _exec}/{@code as_sql}
 * split, as types instead of flags). One code path in {@link PlanRunner} drives them all.
 */
sealed interface StatementSink permits JdbcSink, ScriptSink, BatchingSink {

    /** Row count that a sink reports when it cannot know one (offline). */
    int UNKNOWN_COUNT = -1;

    /** Starts a transaction (a no-op online, where JDBC opens one implicitly). */
    void begin() throws SQLException;

    /** Commits the current transaction. */
    void commit() throws SQLException;

    /** Rolls back the current transaction; never throws (used on the failure path). */
    void rollbackQuietly();

    /** Sends one statement inside the current transaction; the update count or {@link #UNKNOWN_COUNT}. */
    int execute(SqlStatement statement) throws SQLException;

    /**
     * Sends a statement the database refuses inside a transaction: commits, runs it in
     * autocommit, and opens the next transaction (Alembic's {@code autocommit_block}).
     */
    void executeOutsideTransaction(SqlStatement statement) throws SQLException;

    /**
     * Sends one statement now, after anything held back, and returns its update count (which
     * {@link #execute} may not know yet): for statements whose count decides what runs next.
     */
    default int executeNow(SqlStatement statement) throws SQLException {
        return execute(statement);
    }

    /**
     * Sends what the sink holds back, before something that needs the database as the statements
     * so far left it (a callback, a query); sinks that send at once have nothing to do.
     */
    default void flush() throws SQLException {
    }

    /** A comment in the script; ignored online. */
    void comment(String text);

    /** True when statements really run (so row counts and {@code withConnection} are available). */
    boolean online();

    /** The live connection, online only; offline sinks throw. */
    Connection connection();
}
