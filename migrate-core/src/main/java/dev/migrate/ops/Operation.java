package dev.migrate.ops;

/**
 * One schema or data operation recorded by {@link dev.migrate.Operations}: an immutable value that
 * knows no SQL. A {@link dev.migrate.dialect.Dialect} renders it.
 */
public interface Operation {
}
