package dev.migrate;

/** Something that happened during a run (lock wait, revision started/finished, batch progress). */
public interface MigrationEvent {

    /** One line for a log. */
    String describe();
}
