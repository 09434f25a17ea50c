package dev.migrate;

/**
 * One revision's schema change. Implementations are annotated with
 * {@link dev.migrate.annotation.Revision} and describe their change through the typed
 * {@link Operations}; they never talk to the database themselves (except through
 * {@code Operations.withConnection}, online only).
 *
 * <p>{@code upgrade} and {@code downgrade} only <em>record</em> operations; nothing runs while
 * they execute. migrate calls them once per run and step, before the step's transaction starts,
 * and may call them a few steps ahead of the one the database is running and on another thread
 * (so that recording overlaps the database's work). Keep them free of side effects: compute what
 * to record, and do any work against live data in a {@code withConnection} callback, which runs
 * in its step's transaction.
 */
public interface Migration {

    /** Applies this revision. */
    void upgrade(Operations op);

    /** Reverses {@link #upgrade(Operations)}. */
    void downgrade(Operations op);
}
