package dev.migrate.dialect;

import java.util.List;

/**
 * Service-provider interface that lets a dialect claim JDBC URLs (Flyway's {@code handlesJDBCUrl}).
 * One provider per database, registered in {@code META-INF/services/dev.migrate.dialect.DialectProvider}.
 */
public interface DialectProvider {

    /** The URL prefixes this provider handles, for example {@code jdbc:postgresql:}; listed in errors. */
    List<String> urlPrefixes();

    /** An example URL for messages, for example {@code jdbc:postgresql://localhost:5432/app}. */
    String exampleUrl();

    Dialect create();

    /** The schema reader for this database. */
    SchemaIntrospector introspector();
}
