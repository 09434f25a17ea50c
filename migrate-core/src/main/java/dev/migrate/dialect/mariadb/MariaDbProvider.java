package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectProvider;
import dev.migrate.dialect.SchemaIntrospector;
import java.util.List;

/** MariaDB's provider: {@code jdbc:mariadb:} (MariaDB Connector/J) and {@code jdbc:mysql:} (MySQL Connector/J). */
public final class MariaDbProvider implements DialectProvider {

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:mariadb:", "jdbc:mysql:");
    }

    @Override
    public String exampleUrl() {
        return "jdbc:mariadb://localhost:3306/app";
    }

    @Override
    public Dialect create() {
        return new MariaDbDialect();
    }

    @Override
    public SchemaIntrospector introspector() {
        return new MariaDbSchemaIntrospector();
    }
}
