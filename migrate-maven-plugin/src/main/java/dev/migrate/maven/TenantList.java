package dev.migrate.maven;

import dev.migrate.dialect.MaskedUrl;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code migrate.tenants} parameter: schemas and JDBC URLs, comma-separated. A URL entry may carry
 * a password, and Maven's {@code -X} prints every configured parameter as {@code (f) tenants = <toString()>};
 * this type's {@link #toString()} masks each entry's password, as {@link JdbcUrl} does for {@code migrate.url}.
 * The plugin's {@link MigrateConfigurator} builds it from the configured text without logging that text.
 *
 * @param value the list as configured, trimmed; never printed
 */
public record TenantList(String value) {

    /** The list, or null when {@code text} is null or blank (no tenants: the configured database only). */
    static TenantList of(String text) {
        return text == null || text.isBlank() ? null : new TenantList(text.trim());
    }

    @Override
    public String toString() {
        return Arrays.stream(value.split(",", -1)).map(MaskedUrl::mask).collect(Collectors.joining(","));
    }
}
