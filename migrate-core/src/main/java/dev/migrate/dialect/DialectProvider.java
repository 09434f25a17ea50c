package dev.migrate.dialect;

/**
 * Service-provider interface that lets a dialect claim JDBC URLs (Flyway's {@code handlesJDBCUrl}).
 * Registered in {@code META-INF/services/dev.migrate.dialect.DialectProvider}.
 */
public interface DialectProvider {

    /** The URL prefix this provider handles, for example {@code jdbc:postgresql:}; listed in errors. */
    String urlPrefix();

    Dialect create();
}
