package dev.migrate.dialect.h2;

import dev.migrate.dialect.CatalogSchemaIntrospector;
import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.IndexSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads an H2 (2.x) schema from {@code INFORMATION_SCHEMA}. */
public final class H2SchemaIntrospector extends CatalogSchemaIntrospector {

    // H2 names an unnamed constraint CONSTRAINT_<hex id>[_n]; the id changes every time it is created.
    private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+(_[0-9]+)?");
    private static final Set<String> SIZED_TYPES = Set.of("CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE",
            "BINARY", "BINARY VARYING");
    private static final Set<String> DECIMAL_TYPES = Set.of("NUMERIC", "DECIMAL");

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
            + " NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, IDENTITY_GENERATION,"
            + " GENERATION_EXPRESSION, REMARKS FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
            + " ORDER BY TABLE_NAME, ORDINAL_POSITION";

    // IS_GENERATED marks the indexes H2 creates for primary keys, unique and foreign keys.
    private static final String INDEXES = "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME,"
            + " c.ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
            + " WHERE i.TABLE_SCHEMA = ? AND i.IS_GENERATED = FALSE ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION";

    private static final String CONSTRAINTS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME";

    private static final String KEY_COLUMNS = "SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME"
            + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = ? ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION";

    // The referenced key may live in another schema: its table is then named schema.table.
    private static final String REFERENCES = "SELECT r.CONSTRAINT_NAME, CASE WHEN k.TABLE_SCHEMA = r.CONSTRAINT_SCHEMA"
            + " THEN k.TABLE_NAME ELSE k.TABLE_SCHEMA || '.' || k.TABLE_NAME END, k.COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE"
            + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
            + " ON k.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME"
            + " WHERE r.CONSTRAINT_SCHEMA = ? ORDER BY r.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    private static final String CHECKS = "SELECT CONSTRAINT_NAME, CHECK_CLAUSE"
            + " FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";

    @Override
    protected String currentSchemaSql() {
        return "SELECT CURRENT_SCHEMA";
    }

    @Override
    protected String tablesSql() {
        return "SELECT TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"
                + " ORDER BY TABLE_NAME";
    }

    @Override
    protected String sequencesSql() {
        return "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?"
                + " ORDER BY SEQUENCE_NAME";
    }

    @Override
    protected List<Owned<ColumnSnapshot>> columns(Connection connection, String schema) throws SQLException {
        return query(connection, COLUMNS, schema, row -> new Owned<>(row.getString(1), new ColumnSnapshot(row.getString(2),
                type(row), "YES".equals(row.getString(7)), defaultValue(row), row.getString(12))));
    }

    @Override
    protected List<Owned<IndexSnapshot>> indexes(Connection connection, String schema) throws SQLException {
        Map<String, String> tableOf = new LinkedHashMap<>();
        Map<String, Boolean> uniqueOf = new LinkedHashMap<>();
        Map<String, List<String>> columnsOf = new LinkedHashMap<>();
        query(connection, INDEXES, schema, row -> {
            String index = row.getString(2);
            tableOf.put(index, row.getString(1));
            uniqueOf.put(index, "UNIQUE INDEX".equals(row.getString(3)));
            columnsOf.computeIfAbsent(index, i -> new ArrayList<>())
                    .add(row.getString(4) + ("DESC".equals(row.getString(5)) ? " DESC" : ""));
            return index;
        });
        List<Owned<IndexSnapshot>> indexes = new ArrayList<>();
        tableOf.forEach((index, table) -> indexes.add(new Owned<>(table,
                new IndexSnapshot(index, columnsOf.get(index), uniqueOf.get(index), null))));
        return indexes;
    }

    @Override
    protected List<Owned<ConstraintSnapshot>> constraints(Connection connection, String schema) throws SQLException {
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        query(connection, KEY_COLUMNS, schema, row -> {
            keyColumns.computeIfAbsent(row.getString(1), c -> new ArrayList<>()).add(row.getString(3));
            return null;
        });
        Map<String, String> referencedTable = new LinkedHashMap<>();
        Map<String, List<String>> referencedColumns = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        query(connection, REFERENCES, schema, row -> {
            referencedTable.put(row.getString(1), row.getString(2));
            referencedColumns.computeIfAbsent(row.getString(1), c -> new ArrayList<>()).add(row.getString(3));
            return rules.put(row.getString(1), rule("UPDATE", row.getString(4)) + rule("DELETE", row.getString(5)));
        });
        Map<String, String> references = new LinkedHashMap<>();
        referencedTable.forEach((name, table) -> references.put(name, " REFERENCES " + table + "("
                + String.join(", ", referencedColumns.get(name)) + ")" + rules.get(name)));
        Map<String, String> checks = new LinkedHashMap<>();
        query(connection, CHECKS, schema, row -> checks.put(row.getString(1), row.getString(2)));
        return query(connection, CONSTRAINTS, schema, row -> {
            String name = row.getString(2);
            String columns = "(" + String.join(", ", keyColumns.getOrDefault(name, List.of())) + ")";
            ConstraintSnapshot.Kind kind = ConstraintSnapshot.Kind.valueOf(row.getString(3).replace(' ', '_'));
            String definition = definition(kind, columns, references.get(name), checks.get(name));
            boolean generated = GENERATED_NAME.matcher(name).matches();
            return new Owned<>(row.getString(1), new ConstraintSnapshot(kind, generated ? null : name, definition,
                    generated ? name : null));
        });
    }

    private static String definition(ConstraintSnapshot.Kind kind, String columns, String reference, String check) {
        switch (kind) {
            case PRIMARY_KEY:
                return "PRIMARY KEY " + columns;
            case UNIQUE:
                return "UNIQUE " + columns;
            case FOREIGN_KEY:
                return "FOREIGN KEY " + columns + reference;
            default:
                return "CHECK (" + check + ")";
        }
    }

    /** The referential action, left out when it is H2's default (as PostgreSQL leaves out NO ACTION). */
    private static String rule(String event, String action) {
        return "RESTRICT".equals(action) || "NO ACTION".equals(action) ? "" : " ON " + event + " " + action;
    }

    private static String type(ResultSet row) throws SQLException {
        // DATABASE_TO_LOWER=TRUE reports "character varying": one spelling, so the length is read either way.
        String type = row.getString(3).toUpperCase(Locale.ROOT);
        if (SIZED_TYPES.contains(type) && row.getObject(4) != null) {
            return type + "(" + row.getLong(4) + ")";
        }
        if (DECIMAL_TYPES.contains(type)) {
            return type + "(" + row.getInt(5) + ", " + row.getInt(6) + ")";
        }
        return type;
    }

    private static String defaultValue(ResultSet row) throws SQLException {
        if ("YES".equals(row.getString(9))) {
            return "GENERATED " + row.getString(10) + " AS IDENTITY";
        }
        String generated = row.getString(11);
        return generated != null ? "GENERATED ALWAYS AS (" + generated + ")" : row.getString(8);
    }
}
