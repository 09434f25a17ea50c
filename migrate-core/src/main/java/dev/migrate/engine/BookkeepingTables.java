package dev.migrate.engine;

import dev.migrate.MigrateException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of migrate's own tables: the version table, the append-only history table
 * ({@code migrate_version} → {@code migrate_history}) and the lock table of databases without
 * advisory locks ({@code migrate_lock}); {@link #progress()} names the table of interrupted
 * batched updates ({@code migrate_progress}).
 *
 * @param schema  schema of all three, or null for the connection's default
 * @param version version table name ({@code migrate.versionTable})
 * @param history history table name
 * @param lock    lock table name
 */
public record BookkeepingTables(String schema, String version, String history, String lock) {

    public static final String DEFAULT_VERSION_TABLE = "migrate_version";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final int MAX_NAME = 63;

    public BookkeepingTables {
        Objects.requireNonNull(version, "version");
        schema = schema == null || schema.isBlank() ? null : schema;
    }

    /** The three names derived from the version table's name; names must be plain identifiers. */
    public static BookkeepingTables of(String schema, String versionTable) {
        String table = versionTable == null || versionTable.isBlank() ? DEFAULT_VERSION_TABLE : versionTable.trim();
        BookkeepingTables tables = new BookkeepingTables(schema == null ? null : schema.trim(), table,
                sibling(table, "_history"), sibling(table, "_lock"));
        if (tables.schema() != null) {
            check("migrate.schema", tables.schema(), tables.schema(), "app");
        }
        for (String name : List.of(tables.version(), tables.history(), tables.lock(), tables.progress())) {
            check("migrate.versionTable", table, name, "billing_version");
        }
        return tables;
    }

    /**
     * Rejects names that are not a plain identifier: they are quoted, so any text would "work", but a
     * quote, space, dot or semicolon is a typo or a pasted fragment, and a name over 63 characters is
     * cut short by PostgreSQL.
     */
    private static void check(String setting, String given, String name, String example) {
        if (given.contains(".")) {
            throw new MigrateException(setting + " is '" + given + "', which contains a dot. Give the schema in"
                    + " migrate.schema and the bare table name in migrate.versionTable.");
        }
        if (!IDENTIFIER.matcher(given).matches()) {
            throw new MigrateException(setting + " is '" + given + "', which is not a plain name: use letters,"
                    + " digits and underscores, starting with a letter or underscore, e.g. -D" + setting + "=" + example + ".");
        }
        if (name.length() > MAX_NAME) {
            throw new MigrateException(setting + " is '" + given + "', too long: the name " + name + " has "
                    + name.length() + " characters, more than the " + MAX_NAME + " PostgreSQL keeps. Choose a shorter name.");
        }
    }

    /**
     * The table of revisions whose batched update was interrupted ({@code migrate_progress}): which
     * of their steps were committed before it, so running them again resumes there.
     */
    public String progress() {
        return sibling(version, "_progress");
    }

    private static String sibling(String versionTable, String suffix) {
        return versionTable.endsWith("_version")
                ? versionTable.substring(0, versionTable.length() - "_version".length()) + suffix
                : versionTable + suffix;
    }
}
