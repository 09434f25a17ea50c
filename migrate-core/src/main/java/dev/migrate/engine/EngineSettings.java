package dev.migrate.engine;

import dev.migrate.MigrationListener;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run behaves.
 *
 * @param tables         migrate's own tables
 * @param lockTimeout    how long to wait for another run's lock ({@code migrate.lockTimeout})
 * @param ddlLockTimeout lock wait bound for each revision's statements, or null to wait ({@code migrate.ddlLockTimeout})
 * @param listener       receives progress events
 * @param singleTransaction one transaction for the whole run instead of one per revision
 * @param renderCache    revisions rendered once and shared by the tenants of one tenant run, or null
 *                       ({@code migrate.singleTransaction}); a failure then rolls back every revision
 *                       of the run, on databases with transactional DDL
 */
public record EngineSettings(BookkeepingTables tables, Duration lockTimeout, Duration ddlLockTimeout, MigrationListener listener,
        boolean singleTransaction, RenderCache renderCache) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public EngineSettings {
        Objects.requireNonNull(tables, "tables");
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        listener = listener == null ? MigrationListener.NONE : listener;
    }

    /** One transaction per revision, the default. */
    public EngineSettings(BookkeepingTables tables, Duration lockTimeout, Duration ddlLockTimeout, MigrationListener listener) {
        this(tables, lockTimeout, ddlLockTimeout, listener, false);
    }

    /** Without a render cache: each run renders its revisions itself. */
    public EngineSettings(BookkeepingTables tables, Duration lockTimeout, Duration ddlLockTimeout, MigrationListener listener,
            boolean singleTransaction) {
        this(tables, lockTimeout, ddlLockTimeout, listener, singleTransaction, null);
    }
}
