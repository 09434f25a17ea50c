package dev.migrate.dialect;

import dev.migrate.MigrateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structure of one schema (tables, columns with types, nullability and defaults, constraints,
 * indexes), read from PostgreSQL or H2. Two snapshots are equal when the structures are; {@link
 * #diff(SchemaSnapshot)} says how they differ, one readable line per difference. Used to check
 * that a downgrade undoes its upgrade.
 */
public record SchemaSnapshot(String schema, Map<String, TableSnapshot> tables) {

    public SchemaSnapshot {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /**
     * Reads the tables of {@code schema} (the connection's current schema when null).
     *
     * @throws MigrateException when the database is neither PostgreSQL nor H2
     */
    public static SchemaSnapshot read(Connection connection, String schema) throws SQLException {
        return new SchemaReader(connection, schema == null ? connection.getSchema() : schema).read();
    }

    /** This snapshot without the named tables (for example the version and history tables). */
    public SchemaSnapshot without(String... tableNames) {
        Map<String, TableSnapshot> kept = new TreeMap<>(tables);
        kept.keySet().removeAll(Arrays.asList(tableNames));
        return new SchemaSnapshot(schema, kept);
    }

    /** The named table, or null. */
    public TableSnapshot table(String name) {
        return tables.get(name);
    }

    /**
     * What changed from this snapshot to {@code other}, one line each: {@code + table pet},
     * {@code - column ticket.note varchar(10)}, {@code ~ column ticket.title: varchar(200) -> text}.
     * Empty when they are equal.
     */
    public List<String> diff(SchemaSnapshot other) {
        List<String> lines = new ArrayList<>();
        for (TableSnapshot table : tables.values()) {
            TableSnapshot after = other.tables.get(table.name());
            if (after == null) {
                lines.add("- table " + table.name());
            } else {
                lines.addAll(table.diff(after));
            }
        }
        for (String name : other.tables.keySet()) {
            if (!tables.containsKey(name)) {
                lines.add("+ table " + name);
            }
        }
        return lines;
    }
}
