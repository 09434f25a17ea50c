package dev.migrate.lint;

/** How bad a lint finding is: errors and warnings lock, rewrite or lose data; info is hygiene. */
public enum Severity {
    INFO, WARNING, ERROR;

    /** Whether this severity is {@code threshold} or worse. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }
}
