package dev.migrate.dialect;

/**
 * What a database can do, so the engine asks a record instead of testing dialect classes. The run
 * lock and session control are {@link Dialect#runLock()} and {@link Dialect#sessionControl()}.
 *
 * @param transactionalDdl  DDL takes part in transactions (a failing revision rolls back whole)
 * @param concurrentIndex   indexes can be built without blocking writes ({@code CONCURRENTLY})
 */
public record DialectCapabilities(boolean transactionalDdl, boolean concurrentIndex) {
}
