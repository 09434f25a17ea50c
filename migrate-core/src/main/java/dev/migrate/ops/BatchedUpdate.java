package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * {@code op.batchedUpdate(table, set, where, batchSize)}: a data backfill run as many short
 * {@code UPDATE}s of at most {@code batchSize} rows each, so no single statement holds row locks
 * on the whole table. Online the engine repeats one batch until a batch changes no row; offline
 * the script gets the single, unbatched {@code UPDATE}.
 *
 * <p>The where clause must select only rows that are not updated yet (for example
 * {@code status IS NULL} when setting {@code status}); that is what makes the loop end, and what
 * lets a run that failed half-way resume where it stopped.
 *
 * @param table       the table to update
 * @param setClause   the SQL after {@code SET}, for example {@code "status = 'open'"}
 * @param whereClause SQL condition matching only rows still to update
 * @param batchSize   rows per batch, at least 1
 */
public record BatchedUpdate(QualifiedName table, String setClause, String whereClause, int batchSize)
        implements Operation {

    public BatchedUpdate {
        if (table == null) {
            throw new MigrateException("batchedUpdate: the table is missing; name the table to update.");
        }
        if (setClause == null || setClause.isBlank()) {
            throw new MigrateException("batchedUpdate on " + table + ": the SET clause is empty; write what to set, "
                    + "for example \"status = 'open'\".");
        }
        if (whereClause == null || whereClause.isBlank()) {
            throw new MigrateException("batchedUpdate on " + table + ": the WHERE clause is empty; it must select only "
                    + "rows not updated yet (for example \"status IS NULL\"), or the batches never end.");
        }
        if (batchSize < 1) {
            throw new MigrateException("batchedUpdate on " + table + ": batchSize is " + batchSize
                    + "; use at least 1 (a few thousand rows per batch is typical).");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitBatchedUpdate(this);
    }
}
