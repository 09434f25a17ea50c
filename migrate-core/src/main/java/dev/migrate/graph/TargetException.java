package dev.migrate.graph;

import dev.migrate.MigrateException;

/** A target or revision reference cannot be resolved: unknown, ambiguous, several heads, out of range. */
public final class TargetException extends MigrateException {

    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }
}
