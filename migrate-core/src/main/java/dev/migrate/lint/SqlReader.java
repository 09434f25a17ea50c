package dev.migrate.lint;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads an {@code execute(sql)} statement into {@link SqlFact}s for the lint. Core ships a small,
 * conservative regular-expression reader (no parser dependency: core is JDK + JDBC only); the
 * module {@code dev.migrate:migrate-lint-sql} provides one backed by a maintained SQL parser
 * (JSqlParser) through {@link ServiceLoader}, and when it is on the class path it is used instead.
 */
public interface SqlReader {

    /**
     * @return the facts of the statement, in order (an ALTER TABLE with several actions gives several),
     *         or empty when the statement is not understood: the lint then says "not linted" (MG118)
     *         rather than guessing
     */
    Optional<List<SqlFact>> read(String sql);

    /** A short name for messages and docs, for example {@code JSqlParser 5.3}. */
    String name();

    /** The reader found through {@link ServiceLoader}, else the built-in regular-expression reader. */
    static SqlReader discovered() {
        return DiscoveredSqlReader.READER;
    }

    /** The built-in regular-expression reader. */
    static SqlReader builtIn() {
        return SqlStatementReader.INSTANCE;
    }

}
