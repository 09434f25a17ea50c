package dev.migrate.dialect;

import java.util.Optional;

/**
 * Everything migrate knows about one database, in a few small parts: its SQL ({@link SqlRendering}
 * for revisions, {@link BookkeepingSql} for migrate's own tables), what its errors mean
 * ({@link DatabaseErrors}), how to connect ({@link #connectionDefaults()}), and the optional run
 * lock and session control. Each database lives in its own package
 * ({@code dev.migrate.dialect.postgres}, {@code ...h2}, {@code ...mariadb}) and is found by URL
 * through its {@link DialectProvider}; the engine holds no knowledge of any one database.
 * A capability a database lacks is an empty {@link Optional} or a {@code false} in
 * {@link #capabilities()}, never a method that throws.
 */
public interface Dialect extends SqlRendering, BookkeepingSql, DatabaseErrors {

    /** Short name used in messages and file names, for example {@code postgresql}. */
    String name();

    DialectCapabilities capabilities();

    /**
     * True when running {@code statement} commits the open transaction (DDL, where DDL is not
     * transactional), so everything of the revision up to it has taken effect for good; the engine
     * records a revision's progress after such statements. Always false with transactional DDL.
     */
    default boolean commitsImplicitly(SqlStatement statement) {
        return false;
    }

    /** Driver properties, default port and connection-failure advice. */
    ConnectionDefaults connectionDefaults();

    /** The session-level named lock runs take; empty where the lock table serializes runs instead. */
    default Optional<RunLock> runLock() {
        return Optional.empty();
    }

    /** Cancelling another session's statement and ending it; empty where the database offers neither. */
    default Optional<SessionControl> sessionControl() {
        return Optional.empty();
    }

    /** A session-private schema dropped with the transaction, for autogenerate's scratch model; empty where there is none. */
    default Optional<TemporarySchema> temporarySchema() {
        return Optional.empty();
    }

    /**
     * For the advice when autogenerate may not create its scratch objects: the privilege they need in
     * this database's words, with the statement that grants it to {@code user} on {@code database}.
     *
     * @param temporary true for the session's temporary schema ({@link #temporarySchema()}), false for a
     *                  named scratch schema (a database, where a schema is one)
     * @param prefix    how the named scratch schemas' names start ({@code migrate_autogen_})
     */
    default String scratchPrivilege(boolean temporary, String database, String user, String prefix) {
        return "the privilege to create a schema";
    }
}
