package dev.migrate.tenant;

import dev.migrate.MigrateException;
import dev.migrate.dialect.MaskedUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One target of a tenant run: a schema on the configured database (schema per tenant) or a
 * database of its own (database per tenant, possibly on another server). Each tenant keeps its own
 * version table, history and run lock, so tenants never depend on each other.
 *
 * @param name   what the summary calls it: the schema, or the masked URL
 * @param schema the tenant's schema (its version table lives there and its statements run there), or null
 * @param url    the tenant's JDBC URL, or null for the configured database
 * @param listedIn the setting that listed the tenant, which messages about its URL name
 *                 ({@code migrate.tenants}, {@code migrate.tenantQuery})
 */
public record Tenant(String name, String schema, String url, String listedIn) {

    // As migrate.schema: PostgreSQL cuts a longer name short, so two tenants could end up in one schema.
    private static final int LONGEST_SCHEMA = 63;

    public Tenant {
        Objects.requireNonNull(listedIn, "listedIn");
    }

    /** A tenant listed in {@code migrate.tenants}. */
    public Tenant(String name, String schema, String url) {
        this(name, schema, url, TENANTS);
    }

    private static final String TENANTS = "migrate.tenants";

    /** A schema on the configured database. */
    public static Tenant schema(String schema) {
        return new Tenant(schema, schema, null);
    }

    /** A database of its own. */
    public static Tenant database(String url) {
        return new Tenant(MaskedUrl.mask(url), null, url);
    }

    /**
     * Tenants from a comma-separated list as {@code migrate.tenants} gives them: an entry starting
     * with {@code jdbc:} is a database, anything else a schema. Blank entries are skipped; an entry
     * listed twice is an error (it would be migrated twice at once).
     */
    public static List<Tenant> parse(String list) {
        return parse(list, TENANTS);
    }

    /**
     * {@link #parse(String)} for tenants listed by {@code listedIn} ({@code migrate.tenantQuery}'s
     * rows), which the messages about a bad entry or a tenant's URL name.
     */
    public static List<Tenant> parse(String list, String listedIn) {
        return parse(list == null ? List.of() : List.of(list.split(",")), listedIn);
    }

    /**
     * Tenants one per entry, as the rows of {@code migrate.tenantQuery} give them: a row is one tenant
     * even with a comma in it (a JDBC URL naming several hosts has one; a schema name cannot).
     */
    public static List<Tenant> parse(List<String> entries, String listedIn) {
        List<Tenant> tenants = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : entries) {
            if (raw == null) {
                continue;
            }
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Tenant tenant = entry.startsWith("jdbc:") ? new Tenant(MaskedUrl.mask(entry), null, entry, listedIn)
                    : new Tenant(entry, entry, null, listedIn);
            if (!entry.startsWith("jdbc:") && !entry.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
                throw new MigrateException(listedIn + " lists '" + entry + "', which is neither a schema name (letters,"
                        + " digits, _) nor a JDBC URL (jdbc:...). " + (listedIn.toLowerCase(java.util.Locale.ROOT).contains("query")
                                ? "Have the query return one schema name or JDBC URL per row, in its first column."
                                : "Separate tenants with commas, as in acme,globex."));
            }
            if (!entry.startsWith("jdbc:") && entry.length() > LONGEST_SCHEMA) {
                throw new MigrateException(listedIn + " lists '" + entry + "', which has " + entry.length() + " characters,"
                        + " more than the " + LONGEST_SCHEMA + " PostgreSQL keeps of a schema name. Choose a shorter name.");
            }
            if (!seen.add(entry.startsWith("jdbc:") ? entry : entry.toLowerCase(java.util.Locale.ROOT))) {
                throw new MigrateException(listedIn + " lists '" + tenant.name() + "' twice; list each tenant once.");
            }
            tenants.add(tenant);
        }
        return List.copyOf(tenants);
    }
}
