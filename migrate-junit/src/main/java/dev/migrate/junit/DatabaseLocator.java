package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.dialect.MaskedUrl;
import java.util.Map;
import java.util.function.Function;

/**
 * Chooses the database server for a test class: {@code @MigrateTest(url)}, the system property
 * {@value #URL_PROPERTY}, the environment variable {@value #URL_VARIABLE}, Testcontainers'
 * PostgreSQL when Docker answers, else embedded H2.
 */
final class DatabaseLocator {

    static final String URL_PROPERTY = "migrate.test.url";
    static final String URL_VARIABLE = "MIGRATE_TEST_POSTGRES_URL";
    private static final String TESTCONTAINERS_PROBE = "org.testcontainers.containers.PostgreSQLContainer";

    private final Function<String, String> properties;
    private final Map<String, String> environment;
    private final boolean tryTestcontainers;

    DatabaseLocator(Function<String, String> properties, Map<String, String> environment, boolean tryTestcontainers) {
        this.properties = properties;
        this.environment = environment;
        this.tryTestcontainers = tryTestcontainers;
    }

    /** The locator that reads the real system properties and environment. */
    static DatabaseLocator system() {
        return new DatabaseLocator(System::getProperty, System.getenv(), true);
    }

    LocatedServer locate(String annotationUrl) {
        if (!annotationUrl.isBlank()) {
            return new LocatedServer(fromUrl(annotationUrl, "@MigrateTest(url)"), "@MigrateTest(url)");
        }
        String property = properties.apply(URL_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new LocatedServer(fromUrl(property, "system property " + URL_PROPERTY), "system property " + URL_PROPERTY);
        }
        String variable = environment.get(URL_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new LocatedServer(fromUrl(variable, "environment variable " + URL_VARIABLE), "environment variable " + URL_VARIABLE);
        }
        if (tryTestcontainers && testcontainersPresent()) {
            DatabaseServer container = TestcontainersPostgres.startIfDockerAvailable();
            if (container != null) {
                return new LocatedServer(container, "Testcontainers, Docker available");
            }
        }
        return new LocatedServer(new DatabaseServer.H2(), "fallback: no " + URL_PROPERTY + ", no " + URL_VARIABLE + ", no Docker");
    }

    /** A server from a configured URL; the error names the setting and the accepted forms. */
    static DatabaseServer fromUrl(String url, String setting) {
        if (url.startsWith(DatabaseServer.Postgres.PREFIX)) {
            return new DatabaseServer.Postgres(url, null, null);
        }
        if (DatabaseServer.MariaDb.handles(url)) {
            return new DatabaseServer.MariaDb(url, null, null);
        }
        if (url.startsWith(MigrateTest.H2)) {
            return new DatabaseServer.H2();
        }
        throw new MigrateException("The test database URL '" + MaskedUrl.mask(url) + "' from " + setting
                + " is not supported: use a PostgreSQL server URL (jdbc:postgresql://host:5432/postgres?user=...) or a MariaDB"
                + " one (jdbc:mariadb://host:3306/test?user=...), on which a database is created per test class, or"
                + " jdbc:h2:mem: for a fresh in-memory H2 database.");
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName(TESTCONTAINERS_PROBE, false, DatabaseLocator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
