package dev.migrate.dialect;

/**
 * What a database can do, so the engine asks a record instead of testing dialect classes.
 *
 * @param transactionalDdl  DDL takes part in transactions (a failing revision rolls back whole)
 * @param concurrentIndex   indexes can be built without blocking writes ({@code CONCURRENTLY})
 * @param advisoryLock      session-level advisory locks exist (released when the session dies)
 */
public record DialectCapabilities(boolean transactionalDdl, boolean concurrentIndex, boolean advisoryLock) {
}
