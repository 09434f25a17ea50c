package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.CatalogSchemaIntrospector;
import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.IndexSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a MariaDB (10.3+) schema, that is a database, from {@code information_schema}. A unique index
 * and a unique constraint are one thing here, reported as a UNIQUE constraint; the primary key is always
 * called PRIMARY, so its name is left out; indexes InnoDB made for a foreign key are left out.
 */
public final class MariaDbSchemaIntrospector extends CatalogSchemaIntrospector {

    /** int(11) and friends: the display width says nothing about the values (MySQL 8 dropped it). */
    private static final Pattern INTEGER_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");

    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
            + " GENERATION_EXPRESSION, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";

    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

    private static final String CONSTRAINTS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
            + " FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME";

    // A key referencing another database names its table database.table.
    private static final String KEY_COLUMNS = "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, CASE WHEN"
            + " REFERENCED_TABLE_SCHEMA = TABLE_SCHEMA THEN REFERENCED_TABLE_NAME"
            + " ELSE CONCAT(REFERENCED_TABLE_SCHEMA, '.', REFERENCED_TABLE_NAME) END,"
            + " REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA = ?"
            + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";

    private static final String REFERENCES = "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
            + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";

    private static final String CHECKS = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE"
            + " FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";

    /** The server's own {@code VERSION()}: MySQL Connector/J reports MariaDB 10 as 5.5.5-10.x (an old handshake prefix). */
    @Override
    public String serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT VERSION()")) {
            return row.next() ? row.getString(1) : super.serverVersion(connection);
        }
    }

    @Override
    protected String currentSchemaSql() {
        return "SELECT DATABASE()";
    }

    @Override
    protected String tablesSql() {
        return "SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"
                + " ORDER BY TABLE_NAME";
    }

    @Override
    protected String sequencesSql() {
        return "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE'"
                + " ORDER BY TABLE_NAME";
    }

    /**
     * MariaDB before 11.5 has no {@code information_schema.SEQUENCES}; a sequence is a table of one
     * row that holds its options, so each is read from itself (one query for all).
     */
    @Override
    protected List<SequenceSnapshot> sequences(Connection connection, String schema) throws SQLException {
        List<String> names = query(connection, sequencesSql(), schema, row -> row.getString(1));
        if (names.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", start_value, increment FROM ")
                    .append(quote(schema)).append('.').append(quote(names.get(i)));
        }
        List<SequenceSnapshot> sequences = new ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(sql.toString())) {
            while (row.next()) {
                sequences.add(new SequenceSnapshot(names.get(row.getInt(1)), row.getLong(2), row.getLong(3)));
            }
        }
        return sequences;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    protected List<Owned<ColumnSnapshot>> columns(Connection connection, String schema) throws SQLException {
        return query(connection, COLUMNS, schema, row -> {
            String type = INTEGER_WIDTH.matcher(row.getString(3)).replaceFirst("$1");
            String dflt = row.getString(5);
            if ("NULL".equals(dflt)) {
                dflt = null; // MariaDB writes "no default" of a nullable column as the text NULL
            }
            String extra = row.getString(6) == null ? "" : row.getString(6).toUpperCase(java.util.Locale.ROOT);
            if (extra.contains("AUTO_INCREMENT")) {
                dflt = "AUTO_INCREMENT";
            } else if (extra.contains("GENERATED")) {
                // A computed column, spelled as PostgreSQL and H2 report theirs (its expression is no default).
                dflt = "GENERATED ALWAYS AS (" + row.getString(7) + ")" + (extra.contains("STORED") ? " STORED" : "");
            }
            return new Owned<>(row.getString(1), new ColumnSnapshot(row.getString(2), type, "YES".equals(row.getString(4)), dflt,
                    row.getString(8)));
        });
    }

    @Override
    protected List<Owned<IndexSnapshot>> indexes(Connection connection, String schema) throws SQLException {
        Set<String> constraintNames = new java.util.HashSet<>();
        query(connection, CONSTRAINTS, schema, row -> constraintNames.add(row.getString(1) + "\u0000" + row.getString(2)));
        Map<String, String> tableOf = new LinkedHashMap<>();
        Map<String, Boolean> uniqueOf = new LinkedHashMap<>();
        Map<String, List<String>> columnsOf = new LinkedHashMap<>();
        query(connection, INDEXES, schema, row -> {
            String key = row.getString(1) + "\u0000" + row.getString(2);
            if (constraintNames.contains(key)) {
                return null; // the primary key, a unique constraint, or InnoDB's index for a foreign key
            }
            tableOf.put(key, row.getString(1));
            uniqueOf.put(key, row.getInt(3) == 0);
            columnsOf.computeIfAbsent(key, i -> new ArrayList<>()).add(row.getString(4) + ("D".equals(row.getString(5)) ? " DESC" : ""));
            return null;
        });
        List<Owned<IndexSnapshot>> indexes = new ArrayList<>();
        tableOf.forEach((key, table) -> indexes.add(new Owned<>(table,
                new IndexSnapshot(key.substring(key.indexOf('\u0000') + 1), columnsOf.get(key), uniqueOf.get(key), null))));
        return indexes;
    }

    @Override
    protected List<Owned<ConstraintSnapshot>> constraints(Connection connection, String schema) throws SQLException {
        Map<String, List<String>> keyColumns = new LinkedHashMap<>();
        Map<String, String> referenced = new LinkedHashMap<>();
        Map<String, List<String>> referencedColumns = new LinkedHashMap<>();
        query(connection, KEY_COLUMNS, schema, row -> {
            String key = row.getString(1) + "\u0000" + row.getString(2);
            keyColumns.computeIfAbsent(key, c -> new ArrayList<>()).add(row.getString(3));
            if (row.getString(4) != null) {
                referenced.put(key, row.getString(4));
                referencedColumns.computeIfAbsent(key, c -> new ArrayList<>()).add(row.getString(5));
            }
            return null;
        });
        Map<String, String> rules = new LinkedHashMap<>();
        query(connection, REFERENCES, schema, row -> rules.put(row.getString(1) + "\u0000" + row.getString(2),
                rule("UPDATE", row.getString(3)) + rule("DELETE", row.getString(4))));
        Map<String, String> checks = new LinkedHashMap<>();
        query(connection, CHECKS, schema, row -> checks.put(row.getString(1) + "\u0000" + row.getString(2), row.getString(3)));
        return query(connection, CONSTRAINTS, schema, row -> {
            String table = row.getString(1);
            String name = row.getString(2);
            String key = table + "\u0000" + name;
            ConstraintSnapshot.Kind kind = ConstraintSnapshot.Kind.valueOf(row.getString(3).replace(' ', '_'));
            String columns = "(" + String.join(", ", keyColumns.getOrDefault(key, List.of())) + ")";
            String definition = switch (kind) {
                case PRIMARY_KEY -> "PRIMARY KEY " + columns;
                case UNIQUE -> "UNIQUE " + columns;
                case FOREIGN_KEY -> "FOREIGN KEY " + columns + " REFERENCES " + referenced.get(key) + "("
                        + String.join(", ", referencedColumns.getOrDefault(key, List.of())) + ")" + rules.getOrDefault(key, "");
                default -> "CHECK (" + checks.get(key) + ")";
            };
            return new Owned<>(table, new ConstraintSnapshot(kind, kind == ConstraintSnapshot.Kind.PRIMARY_KEY ? null : name,
                    definition));
        });
    }

    /** The referential action, left out when it is the default (RESTRICT, which MariaDB also calls NO ACTION). */
    private static String rule(String event, String action) {
        return "RESTRICT".equals(action) || "NO ACTION".equals(action) ? "" : " ON " + event + " " + action;
    }
}
