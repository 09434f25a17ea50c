package dev.migrate.dialect;

import dev.migrate.MigrateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a {@link SchemaSnapshot} through {@link DatabaseMetaData} (columns, primary and foreign
 * keys, indexes) and the standard {@code information_schema} (unique and check constraints, which
 * JDBC metadata does not describe).
 */
final class SchemaReader {

    /** PostgreSQL lists NOT NULL as check constraints named like {@code 2200_16390_1_not_null}; nullability covers them. */
    private static final Pattern POSTGRES_NOT_NULL = Pattern.compile("\\d+_\\d+_\\d+_not_null");

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final String schema;
    private final boolean h2;

    SchemaReader(Connection connection, String schema) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
        this.schema = schema;
        String product = meta.getDatabaseProductName();
        if (!"PostgreSQL".equals(product) && !"H2".equals(product)) {
            throw new MigrateException("Schema snapshots can read PostgreSQL and H2, not " + product
                    + "; compare this database's schema with its own tools.");
        }
        this.h2 = "H2".equals(product);
    }

    SchemaSnapshot read() throws SQLException {
        Map<String, Map<String, ConstraintSnapshot>> constraints = uniqueAndCheckConstraints();
        Map<String, TableSnapshot> tables = new TreeMap<>();
        for (String table : tableNames()) {
            Map<String, ConstraintSnapshot> tableConstraints = new TreeMap<>(constraints.getOrDefault(table, Map.of()));
            primaryKey(table, tableConstraints);
            foreignKeys(table, tableConstraints);
            tables.put(table, new TableSnapshot(table, columns(table), tableConstraints, indexes(table, tableConstraints.keySet())));
        }
        return new SchemaSnapshot(schema, tables);
    }

    private List<String> tableNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {h2 ? "BASE TABLE" : "TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private Map<String, ColumnSnapshot> columns(String table) throws SQLException {
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                String name = rows.getString("COLUMN_NAME");
                columns.put(name, new ColumnSnapshot(name, type(rows), rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rows.getString("COLUMN_DEF"), "YES".equals(rows.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    /** The type name, with the length of character types and the precision of exact numbers. */
    private static String type(ResultSet column) throws SQLException {
        String name = column.getString("TYPE_NAME");
        String lower = name.toLowerCase(Locale.ROOT);
        int size = column.getInt("COLUMN_SIZE");
        if (lower.contains("char") && size > 0 && size < 1_000_000) {
            return name + "(" + size + ")";
        }
        if (lower.equals("numeric") || lower.equals("decimal")) {
            return name + "(" + size + "," + column.getInt("DECIMAL_DIGITS") + ")";
        }
        return name;
    }

    private void primaryKey(String table, Map<String, ConstraintSnapshot> constraints) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        String name = null;
        try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                name = rows.getString("PK_NAME");
            }
        }
        if (name != null) {
            constraints.put(name, new ConstraintSnapshot(name, "PRIMARY KEY", "(" + String.join(", ", columns.values()) + ")"));
        }
    }

    private void foreignKeys(String table, Map<String, ConstraintSnapshot> constraints) throws SQLException {
        Map<String, List<String>> from = new TreeMap<>();
        Map<String, List<String>> to = new TreeMap<>();
        Map<String, String> target = new TreeMap<>();
        try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
            while (rows.next()) {
                String name = rows.getString("FK_NAME");
                from.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("FKCOLUMN_NAME"));
                to.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("PKCOLUMN_NAME"));
                target.put(name, rows.getString("PKTABLE_SCHEM") + "." + rows.getString("PKTABLE_NAME") + " (%s) ON DELETE "
                        + rule(rows.getShort("DELETE_RULE")) + " ON UPDATE " + rule(rows.getShort("UPDATE_RULE")));
            }
        }
        for (String name : from.keySet()) {
            String definition = "(" + String.join(", ", from.get(name)) + ") -> "
                    + String.format(target.get(name), String.join(", ", to.get(name)));
            constraints.put(name, new ConstraintSnapshot(name, "FOREIGN KEY", definition));
        }
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

    /** table -> its unique and check constraints, from information_schema (one query each for the schema). */
    private Map<String, Map<String, ConstraintSnapshot>> uniqueAndCheckConstraints() throws SQLException {
        Map<String, Map<String, ConstraintSnapshot>> byTable = new TreeMap<>();
        String checks = "SELECT tc.table_name, tc.constraint_name, cc.check_clause FROM information_schema.table_constraints tc"
                + " JOIN information_schema.check_constraints cc ON cc.constraint_schema = tc.constraint_schema"
                + " AND cc.constraint_name = tc.constraint_name"
                + " WHERE tc.table_schema = ? AND tc.constraint_type = 'CHECK'";
        query(checks, rows -> {
            String name = rows.getString(2);
            if (!POSTGRES_NOT_NULL.matcher(name).matches()) {
                byTable.computeIfAbsent(rows.getString(1), t -> new TreeMap<>())
                        .put(name, new ConstraintSnapshot(name, "CHECK", rows.getString(3)));
            }
        });
        Map<String, List<String>> uniqueColumns = new LinkedHashMap<>();
        Map<String, String> uniqueTables = new TreeMap<>();
        String uniques = "SELECT tc.table_name, tc.constraint_name, kcu.column_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema"
                + " AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name"
                + " WHERE tc.table_schema = ? AND tc.constraint_type = 'UNIQUE'"
                + " ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position";
        query(uniques, rows -> {
            uniqueTables.put(rows.getString(2), rows.getString(1));
            uniqueColumns.computeIfAbsent(rows.getString(2), n -> new ArrayList<>()).add(rows.getString(3));
        });
        uniqueColumns.forEach((name, columns) -> byTable.computeIfAbsent(uniqueTables.get(name), t -> new TreeMap<>())
                .put(name, new ConstraintSnapshot(name, "UNIQUE", "(" + String.join(", ", columns) + ")")));
        return byTable;
    }

    /**
     * Indexes that are not how a constraint is implemented: PostgreSQL names those after their
     * constraint; H2 marks the ones it generated.
     */
    private Map<String, IndexSnapshot> indexes(String table, Set<String> constraintNames) throws SQLException {
        Set<String> skipped = new HashSet<>(constraintNames);
        if (h2) {
            query("SELECT index_name FROM information_schema.indexes WHERE table_schema = ? AND table_name = '"
                    + table.replace("'", "''") + "' AND is_generated", rows -> skipped.add(rows.getString(1)));
        }
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rows = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name != null && !skipped.contains(name)) {
                    columns.computeIfAbsent(name, n -> new ArrayList<>()).add(rows.getString("COLUMN_NAME"));
                    unique.put(name, !rows.getBoolean("NON_UNIQUE"));
                }
            }
        }
        Map<String, IndexSnapshot> indexes = new TreeMap<>();
        columns.forEach((name, cols) -> indexes.put(name, new IndexSnapshot(name, unique.get(name), cols)));
        return indexes;
    }

    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        }
    }
}
