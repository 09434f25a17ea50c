package dev.migrate.maven;

import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import org.apache.maven.plugin.logging.Log;

/** Turns the engine's progress events (lock waits, revisions, batch progress) into Maven log lines as they happen. */
final class MavenLogListener implements MigrationListener {

    private final Log log;

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void on(MigrationEvent event) {
        log.info(event.describe());
    }
}
