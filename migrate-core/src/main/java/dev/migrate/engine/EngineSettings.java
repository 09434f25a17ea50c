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
 */
public record EngineSettings(BookkeepingTables tables, Duration lockTimeout, Duration ddlLockTimeout, MigrationListener listener) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public EngineSettings {
        Objects.requireNonNull(tables, "tables");
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        listener = listener == null ? MigrationListener.NONE : listener;
    }
}
