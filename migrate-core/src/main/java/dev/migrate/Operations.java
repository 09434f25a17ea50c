package dev.migrate;

/**
 * The typed operations a {@link Migration} uses to describe its change. Each call records one
 * immutable operation value ({@code dev.migrate.ops}); the engine renders it through the
 * database's dialect and runs it, or writes it into an offline script.
 */
public interface Operations {

    /** Runs one SQL statement as written. */
    void execute(String sql);

    /**
     * Runs one SQL statement with {@code ?} placeholders bound to {@code parameters} (online) or
     * rendered as literals of the dialect (offline).
     */
    void execute(String sql, Object... parameters);
}
