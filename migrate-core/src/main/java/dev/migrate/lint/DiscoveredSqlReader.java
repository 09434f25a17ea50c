package dev.migrate.lint;

import java.util.ServiceLoader;

/** Holds the {@link SqlReader} found once: ServiceLoader reads the service files on every call. */
final class DiscoveredSqlReader {

    static final SqlReader READER = ServiceLoader.load(SqlReader.class, SqlReader.class.getClassLoader())
            .findFirst().orElse(SqlStatementReader.INSTANCE);

    private DiscoveredSqlReader() {
    }
}
