package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: what {@link DatabaseMetaData} says about one table, as plain strings. */
final class MetaData {

    private final DatabaseMetaData meta;
    private final String schema;

    MetaData(Connection connection, String schema) throws SQLException {
        this.meta = connection.getMetaData();
        this.schema = schema;
    }

    boolean tableExists(String table) throws SQLException {
        try (ResultSet rows = meta.getTables(null, schema, table, null)) {
            return rows.next();
        }
    }

    /** column -> "TYPE_NAME(size) NULL|NOT NULL [DEFAULT def]" in column order. */
    Map<String, String> columns(String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                String def = rows.getString("COLUMN_DEF");
                columns.put(rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME")
                        + (rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : " NULL")
                        + (def == null ? "" : " DEFAULT " + def));
            }
        }
        return columns;
    }

    /** column -> COLUMN_SIZE. */
    Map<String, Integer> sizes(String table) throws SQLException {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                sizes.put(rows.getString("COLUMN_NAME"), rows.getInt("COLUMN_SIZE"));
            }
        }
        return sizes;
    }

    Map<String, String> remarks(String table) throws SQLException {
        Map<String, String> remarks = new TreeMap<>();
        try (ResultSet rows = meta.getTables(null, schema, table, null)) {
            while (rows.next()) {
                remarks.put("", rows.getString("REMARKS"));
            }
        }
        try (ResultSet rows = meta.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                if (rows.getString("REMARKS") != null && !rows.getString("REMARKS").isEmpty()) { // MariaDB: "" for none
                    remarks.put(rows.getString("COLUMN_NAME"), rows.getString("REMARKS"));
                }
            }
        }
        return remarks;
    }

    /** The primary key's columns in key order. */
    List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(columns.values());
    }

    /** index name -> "UNIQUE (a, b)" or "(a)", for the named indexes given. */
    Map<String, String> indexes(String table) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rows = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                columns.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("COLUMN_NAME"));
                unique.put(name, !rows.getBoolean("NON_UNIQUE"));
            }
        }
        Map<String, String> indexes = new TreeMap<>();
        columns.forEach((name, cols) -> indexes.put(name, (unique.get(name) ? "UNIQUE " : "") + cols));
        return indexes;
    }

    /** fk name -> "(cols) -> table(cols) ON DELETE x ON UPDATE y". */
    Map<String, String> foreignKeys(String table) throws SQLException {
        Map<String, String> keys = new TreeMap<>();
        Map<String, List<String>> from = new TreeMap<>();
        Map<String, List<String>> to = new TreeMap<>();
        Map<String, String> rest = new TreeMap<>();
        try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
            while (rows.next()) {
                String name = rows.getString("FK_NAME");
                from.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("FKCOLUMN_NAME"));
                to.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("PKCOLUMN_NAME"));
                rest.put(name, rows.getString("PKTABLE_NAME") + " ON DELETE " + rule(rows.getShort("DELETE_RULE"))
                        + " ON UPDATE " + rule(rows.getShort("UPDATE_RULE")));
            }
        }
        from.forEach((name, cols) -> keys.put(name, cols + " -> " + to.get(name) + " " + rest.get(name)));
        return keys;
    }

    private static String rule(short rule) {
        switch (rule) {
            case DatabaseMetaData.importedKeyCascade:
                return "CASCADE";
            case DatabaseMetaData.importedKeySetNull:
                return "SET NULL";
            case DatabaseMetaData.importedKeySetDefault:
                return "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict:
                return "RESTRICT";
            default:
                return "NO ACTION";
        }
    }
}
