package dev.migrate.dialect.postgres;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectProvider;
import dev.migrate.dialect.SchemaIntrospector;
import java.util.List;

/** PostgreSQL's provider: {@code jdbc:postgresql:} URLs. */
public final class PostgresProvider implements DialectProvider {

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:postgresql:");
    }

    @Override
    public String exampleUrl() {
        return "jdbc:postgresql://localhost:5432/app";
    }

    @Override
    public Dialect create() {
        return new PostgresDialect();
    }

    @Override
    public SchemaIntrospector introspector() {
        return new PostgresSchemaIntrospector();
    }
}
