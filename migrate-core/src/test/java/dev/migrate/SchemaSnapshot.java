package dev.migrate;

import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A schema's tables, columns, keys and indexes as text, read through {@link DatabaseMetaData},
 * for comparing a schema before and after a round trip. migrate's own tables are left out.
 */
final class SchemaSnapshot {

    private SchemaSnapshot() {
    }

    static String of(TestDatabase database, String schema) throws SQLException {
        try (Connection connection = database.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            StringBuilder text = new StringBuilder();
            for (String table : tables(meta, schema)) {
                text.append("table ").append(table).append('\n');
                describe(meta, schema, table, text);
            }
            return text.toString();
        }
    }

    private static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!name.startsWith("migrate_")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private static void describe(DatabaseMetaData meta, String schema, String table, StringBuilder text) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                lines.add("  column " + rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME") + "("
                        + rows.getInt("COLUMN_SIZE") + ") nullable=" + rows.getString("IS_NULLABLE") + " auto="
                        + rows.getString("IS_AUTOINCREMENT") + " default=" + rows.getString("COLUMN_DEF"));
            }
        }
        try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                lines.add("  primary key " + rows.getString("PK_NAME") + " " + rows.getString("COLUMN_NAME"));
            }
        }
        try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
            while (rows.next()) {
                lines.add("  foreign key " + rows.getString("FK_NAME") + " " + rows.getString("FKCOLUMN_NAME") + " -> "
                        + rows.getString("PKTABLE_NAME") + "." + rows.getString("PKCOLUMN_NAME") + " on delete "
                        + rows.getShort("DELETE_RULE"));
            }
        }
        try (ResultSet rows = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rows.next()) {
                lines.add("  index " + rows.getString("INDEX_NAME") + " " + rows.getString("COLUMN_NAME") + " unique="
                        + !rows.getBoolean("NON_UNIQUE"));
            }
        }
        lines.forEach(line -> text.append(line).append('\n'));
    }
}
