package dev.migrate.dialect.h2;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectProvider;
import dev.migrate.dialect.SchemaIntrospector;
import java.util.List;

/** H2's provider: {@code jdbc:h2:} URLs, embedded or server. */
public final class H2Provider implements DialectProvider {

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:h2:");
    }

    @Override
    public String exampleUrl() {
        return "jdbc:h2:./target/app";
    }

    @Override
    public Dialect create() {
        return new H2Dialect();
    }

    @Override
    public SchemaIntrospector introspector() {
        return new H2SchemaIntrospector();
    }
}
