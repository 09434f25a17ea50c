package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import java.sql.Connection;

/**
 * Opens connections like the source it wraps, but waits out an embedded database file that
 * another process has open (a second migrate run on embedded H2, which admits one process at a
 * time): for such a run the file is the run lock, so the wait is reported and bounded like one,
 * by migrate.lockTimeout. Other connection errors pass at once.
 */
final class WaitingConnectionSource implements ConnectionSource {

    private static final long PAUSE_MILLIS = 200;

    private final ConnectionSource source;
    private final EngineSettings settings;

    WaitingConnectionSource(ConnectionSource source, EngineSettings settings) {
        this.source = source;
        this.settings = settings;
    }

    @Override
    public Connection open() {
        long start = System.nanoTime();
        boolean reported = false;
        while (true) {
            try {
                return source.open();
            } catch (EmbeddedDatabaseBusyException busy) {
                if (!reported) {
                    settings.listener().on(new MigrationEvent.LockWaiting(busy.database()
                            + " (another process has this embedded database open)", settings.lockTimeout()));
                    reported = true;
                }
                if (System.nanoTime() - start >= settings.lockTimeout().toNanos()) {
                    throw busy.gaveUp(settings.lockTimeout());
                }
                pause();
            }
        }
    }

    @Override
    public String maskedUrl() {
        return source.maskedUrl();
    }

    @Override
    public String where() {
        return source.where();
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while waiting for the embedded database; nothing was changed.", e);
        }
    }
}
