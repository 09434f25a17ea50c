package dev.migrate;

/**
 * One revision's schema change. Implementations are annotated with
 * {@link dev.migrate.annotation.Revision} and describe their change through the typed
 * {@link Operations}; they never talk to the database themselves (except through
 * {@code Operations.withConnection}, online only).
 */
public interface Migration {

    /** Applies this revision. */
    void upgrade(Operations op);

    /** Reverses {@link #upgrade(Operations)}. */
    void downgrade(Operations op);
}
