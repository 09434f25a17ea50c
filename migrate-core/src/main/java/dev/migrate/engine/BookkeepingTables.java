package dev.migrate.engine;

import java.util.Objects;

/**
 * The names of migrate's own tables: the version table, the append-only history table
 * ({@code migrate_version} → {@code migrate_history}) and the lock table of databases without
 * advisory locks ({@code migrate_lock}).
 *
 * @param schema  schema of all three, or null for the connection's default
 * @param version version table name ({@code migrate.versionTable})
 * @param history history table name
 * @param lock    lock table name
 */
public record BookkeepingTables(String schema, String version, String history, String lock) {

    public static final String DEFAULT_VERSION_TABLE = "migrate_version";

    public BookkeepingTables {
        Objects.requireNonNull(version, "version");
        schema = schema == null || schema.isBlank() ? null : schema;
    }

    /** The three names derived from the version table's name. */
    public static BookkeepingTables of(String schema, String versionTable) {
        String table = versionTable == null || versionTable.isBlank() ? DEFAULT_VERSION_TABLE : versionTable;
        return new BookkeepingTables(schema, table, sibling(table, "_history"), sibling(table, "_lock"));
    }

    private static String sibling(String versionTable, String suffix) {
        return versionTable.endsWith("_version")
                ? versionTable.substring(0, versionTable.length() - "_version".length()) + suffix
                : versionTable + suffix;
    }
}
