package dev.migrate.dialect;

/**
 * What a database can do, so the engine asks a record instead of testing dialect classes. The run
 * lock and session control are {@link Dialect#runLock()} and {@link Dialect#sessionControl()}.
 *
 * @param transactionalDdl  DDL takes part in transactions (a failing revision rolls back whole)
 * @param concurrentIndex   indexes can be built without blocking writes ({@code CONCURRENTLY})
 * @param concurrentDdlSessions several sessions may run DDL at once (H2 cannot: a second session's DDL
 *                          waits for the first one's transaction on its {@code SYS} table and times out),
 *                          so tenants of one database may be migrated in parallel
 */
public record DialectCapabilities(boolean transactionalDdl, boolean concurrentIndex, boolean concurrentDdlSessions) {

    /** A database whose sessions may run DDL at once. */
    public DialectCapabilities(boolean transactionalDdl, boolean concurrentIndex) {
        this(transactionalDdl, concurrentIndex, true);
    }
}
