package dev.migrate;

/** Receives progress events from a run; the Maven plugin turns them into log lines. Never System.out. */
@FunctionalInterface
public interface MigrationListener {

    MigrationListener NONE = event -> { };

    void on(MigrationEvent event);
}
