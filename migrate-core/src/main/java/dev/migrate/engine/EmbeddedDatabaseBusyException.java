package dev.migrate.engine;

import dev.migrate.MigrateException;
import java.time.Duration;

/**
 * An embedded database file (H2) that another process has open: embedded H2 admits one process
 * at a time, so for a second migrate run this is the run lock, and {@link OnlineRun} waits for it
 * like one, up to {@code migrate.lockTimeout}.
 */
final class EmbeddedDatabaseBusyException extends MigrateException {

    private static final long serialVersionUID = 1L;

    private final String database;

    EmbeddedDatabaseBusyException(String message, String database) {
        super(message);
        this.database = database;
    }

    /** The database as messages name it (masked URL). */
    String database() {
        return database;
    }

    /** The error after waiting {@code timeout} for the file in vain; names the setting. */
    MigrateException gaveUp(Duration timeout) {
        return new MigrateException("Gave up after waiting " + timeout.toMillis() + " ms (migrate.lockTimeout) for the"
                + " embedded database " + database + ": " + getMessage() + " This run changed nothing; raise"
                + " migrate.lockTimeout (for example -Dmigrate.lockTimeout=5m) to wait longer.");
    }
}
