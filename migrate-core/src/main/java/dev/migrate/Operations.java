package dev.migrate;

import dev.migrate.ops.ConnectionCallback;

/**
 * The typed operations a {@link Migration} uses to describe its change. Each call records one
 * immutable operation value ({@code dev.migrate.ops}); the engine renders it through the
 * database's dialect and runs it, or writes it into an offline script. Required parts are
 * parameters; optional parts are set in a {@code Consumer<...Builder>} lambda.
 *
 * <p>Table, index and sequence names are {@code "name"} (in the run's default schema,
 * {@code migrate.schema}) or {@code "schema.name"}.
 */
public interface Operations {

    /** Runs one SQL statement as written. */
    void execute(String sql);

    /**
     * Runs one SQL statement with {@code ?} placeholders bound to {@code parameters} (online) or
     * rendered as literals of the dialect (offline).
     */
    void execute(String sql, Object... parameters);

    /**
     * Backfills data in batches of at most {@code batchSize} rows, each its own short statement:
     * {@code UPDATE table SET setClause WHERE whereClause}. The where clause must match only rows
     * not updated yet, so the batches end and an interrupted run resumes where it stopped. Offline
     * scripts get one unbatched {@code UPDATE}.
     */
    void batchedUpdate(String table, String setClause, String whereClause, int batchSize);

    /**
     * Runs Java code on the revision's JDBC connection, inside its transaction. Online only: a
     * revision that uses it cannot be written to an offline script.
     */
    void withConnection(ConnectionCallback callback);
}
