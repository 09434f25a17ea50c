package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape every catalog-reading introspector shares: find the schema, read tables, columns,
 * indexes, constraints and sequences with one query each, and assemble the snapshot. Subclasses
 * hold the SQL of their database.
 */
public abstract class CatalogSchemaIntrospector implements SchemaIntrospector {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    protected interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** One item read for a table: the table name and the item. */
    public record Owned<T>(String table, T item) {
    }

    @Override
    public final SchemaSnapshot snapshot(Connection connection, String schema) throws SQLException {
        String name = schema != null ? schema : single(connection, currentSchemaSql());
        Map<String, List<ColumnSnapshot>> columns = byTable(columns(connection, name));
        Map<String, List<IndexSnapshot>> indexes = byTable(indexes(connection, name));
        Map<String, List<ConstraintSnapshot>> constraints = byTable(constraints(connection, name));
        List<TableSnapshot> tables = new ArrayList<>();
        for (Owned<String> table : query(connection, tablesSql(), name, row -> new Owned<>(row.getString(1), row.getString(2)))) {
            tables.add(new TableSnapshot(table.table(), columns.getOrDefault(table.table(), List.of()),
                    indexes.getOrDefault(table.table(), List.of()), constraints.getOrDefault(table.table(), List.of()),
                    table.item()));
        }
        return new SchemaSnapshot(tables, sequences(connection, name));
    }

    @Override
    public String currentSchema(Connection connection) throws SQLException {
        return single(connection, currentSchemaSql());
    }

    /** A query without parameters returning the current schema's name. */
    protected abstract String currentSchemaSql();

    /** Table names and comments (null or empty when none) of the schema bound to the one parameter. */
    protected abstract String tablesSql();

    /**
     * Stand-alone sequences of the schema bound to the one parameter: name, start value and
     * increment, in that order (a database that cannot list them in one query overrides
     * {@link #sequences(Connection, String)} instead).
     */
    protected abstract String sequencesSql();

    /** The schema's stand-alone sequences; by default the rows of {@link #sequencesSql()}. */
    protected List<SequenceSnapshot> sequences(Connection connection, String schema) throws SQLException {
        return query(connection, sequencesSql(), schema, row -> new SequenceSnapshot(row.getString(1), row.getLong(2),
                row.getLong(3)));
    }

    protected abstract List<Owned<ColumnSnapshot>> columns(Connection connection, String schema) throws SQLException;

    protected abstract List<Owned<IndexSnapshot>> indexes(Connection connection, String schema) throws SQLException;

    protected abstract List<Owned<ConstraintSnapshot>> constraints(Connection connection, String schema) throws SQLException;

    /** Runs {@code sql} with the schema name as its one parameter. */
    protected static <T> List<T> query(Connection connection, String sql, String schema, RowMapper<T> mapper) throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    result.add(mapper.map(row));
                }
            }
        }
        return result;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static <T> Map<String, List<T>> byTable(List<Owned<T>> owned) {
        Map<String, List<T>> map = new LinkedHashMap<>();
        for (Owned<T> o : owned) {
            map.computeIfAbsent(o.table(), t -> new ArrayList<>()).add(o.item());
        }
        return map;
    }
}
