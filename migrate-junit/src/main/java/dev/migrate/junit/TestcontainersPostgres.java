package dev.migrate.junit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A PostgreSQL container shared by every test class of the JVM. Only loaded after
 * {@link DatabaseLocator} has seen Testcontainers on the class path (it is an optional dependency).
 */
final class TestcontainersPostgres {

    private static final String IMAGE = "postgres:16-alpine";
    private static DatabaseServer shared;

    private TestcontainersPostgres() {
    }

    /** The shared container's server, started on first use; null when Docker does not answer. */
    static synchronized DatabaseServer startIfDockerAvailable() {
        if (shared != null) {
            return shared;
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' Ryuk removes it
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        shared = new DatabaseServer.Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        return shared;
    }
}
