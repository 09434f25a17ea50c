package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.dialect.ConstraintSnapshot.Kind;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.TableConstraint;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * migrate's own tables as {@link BookkeepingTable} defines them and each dialect renders them, created
 * on a real database and read back through its {@link SchemaIntrospector}: the columns, types,
 * nullability and primary keys of the definitions, on every database; creating them again changes
 * nothing; and the tables earlier releases created (from hand-written DDL) are the same tables.
 * Every test works in schemas of its own.
 */
abstract class BookkeepingTableContract {

    static final Map<BookkeepingTable, String> NAMES = new EnumMap<>(Map.of(BookkeepingTable.VERSION, "migrate_version",
            BookkeepingTable.HISTORY, "migrate_history", BookkeepingTable.PROGRESS, "migrate_progress",
            BookkeepingTable.LOCK, "migrate_lock"));

    abstract Dialect dialect();

    abstract SchemaIntrospector introspector();

    /** A schema of this test's own, by name: where a schema is a database, one named after the test class's. */
    abstract String schema(TestDatabase database, String name);

    /** Each table's columns as this database reports them: {@code name type [NOT NULL] [DEFAULT ...]}. */
    abstract Map<BookkeepingTable, List<String>> expectedColumns();

    /**
     * The history table as releases before the definitions created it, word for word (its primary key
     * was declared inline; the other three tables' DDL is unchanged, see BookkeepingTableRenderingTest).
     */
    abstract String legacyHistoryDdl(String qualifiedName);

    /** The one way today's history table may differ from an earlier release's: H2 named its key itself. */
    ConstraintSnapshot legacyHistoryKey(ConstraintSnapshot today) {
        return today;
    }

    @Test
    void definitionsCreateTheirColumnsTypesAndKeys(TestDatabase database) throws SQLException {
        String schema = schema(database, "bk_defined");
        try (Connection connection = database.connect()) {
            SchemaSnapshot snapshot = createAll(connection, schema);
            assertEquals(NAMES.values().stream().sorted().collect(Collectors.toList()), snapshot.tableNames());
            for (BookkeepingTable table : BookkeepingTable.values()) {
                TableSnapshot created = snapshot.table(NAMES.get(table)).orElseThrow();
                CreateTable definition = table.definition(schema, NAMES.get(table));
                assertEquals(expectedColumns().get(table), created.columns().stream().map(ColumnSnapshot::describe)
                        .collect(Collectors.toList()), table::toString);
                assertEquals(definition.columns().stream().map(c -> c.name() + (c.nullable() ? "" : " NOT NULL"))
                        .collect(Collectors.toList()), created.columns().stream()
                        .map(c -> c.name() + (c.nullable() ? "" : " NOT NULL")).collect(Collectors.toList()), table::toString);
                assertEquals(List.of(primaryKey(definition)), created.constraints(), table::toString);
                assertEquals(List.of(), created.indexes(), table::toString);
            }
        }
    }

    @Test
    void creatingAgainChangesNothingAndKeepsTheRows(TestDatabase database) throws SQLException {
        String schema = schema(database, "bk_twice");
        try (Connection connection = database.connect()) {
            SchemaSnapshot first = createAll(connection, schema);
            writeOneRowEach(connection, schema);
            SchemaSnapshot second = createAll(connection, schema);
            assertEquals(first, second, () -> first.diff(second).toString());
            for (BookkeepingTable table : BookkeepingTable.values()) {
                assertEquals(1, count(connection, schema, table), table::toString);
            }
        }
    }

    @Test
    void historyTableOfEarlierReleasesIsTheSameTable(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            assertHistoryTableOfEarlierReleasesIsTheSame(connection, schema(database, "bk_legacy"), schema(database, "bk_today"));
        }
    }

    /**
     * The history table created by {@link #legacyHistoryDdl} in {@code legacy} and by its definition in
     * {@code today} read back alike; and creating it over the legacy one leaves that as it is.
     */
    void assertHistoryTableOfEarlierReleasesIsTheSame(Connection connection, String legacy, String today) throws SQLException {
        String name = NAMES.get(BookkeepingTable.HISTORY);
        execute(connection, dialect().createSchemaIfMissing(legacy));
        execute(connection, SqlStatement.of(legacyHistoryDdl(dialect().qualify(legacy, name))));
        execute(connection, dialect().createSchemaIfMissing(today));
        execute(connection, dialect().createIfMissing(BookkeepingTable.HISTORY, today, name));
        TableSnapshot old = introspector().snapshot(connection, legacy).table(name).orElseThrow();
        TableSnapshot created = introspector().snapshot(connection, today).table(name).orElseThrow();
        assertEquals(created.columns(), old.columns());
        assertEquals(created.indexes(), old.indexes());
        assertEquals(created.constraints().stream().map(this::legacyHistoryKey).collect(Collectors.toList()), old.constraints());

        // A run of this release on a database of an earlier one leaves the table as it is.
        execute(connection, dialect().createIfMissing(BookkeepingTable.HISTORY, legacy, name));
        assertEquals(old, introspector().snapshot(connection, legacy).table(name).orElseThrow());
    }

    private SchemaSnapshot createAll(Connection connection, String schema) throws SQLException {
        execute(connection, dialect().createSchemaIfMissing(schema));
        for (BookkeepingTable table : BookkeepingTable.values()) {
            execute(connection, dialect().createIfMissing(table, schema, NAMES.get(table)));
        }
        return introspector().snapshot(connection, schema);
    }

    /** Through the dialect's own statements, which must fit the tables the definitions make. */
    private void writeOneRowEach(Connection connection, String schema) throws SQLException {
        execute(connection, dialect().insertVersion(schema, NAMES.get(BookkeepingTable.VERSION), "a1"));
        Timestamp now = Timestamp.from(Instant.now());
        execute(connection, new SqlStatement(dialect().insertHistory(schema, NAMES.get(BookkeepingTable.HISTORY)).sql(),
                List.of("a1", "upgrade", "0".repeat(64), 1, now, now, true, "tester", "1.0"), false));
        execute(connection, new SqlStatement(dialect().insertProgress(schema, NAMES.get(BookkeepingTable.PROGRESS)).sql(),
                List.of("a1", "upgrade", "0".repeat(64), 3), false));
        execute(connection, dialect().insertLockRow(schema, NAMES.get(BookkeepingTable.LOCK)));
        execute(connection, dialect().insertLockRow(schema, NAMES.get(BookkeepingTable.LOCK)));
    }

    private int count(Connection connection, String schema, BookkeepingTable table) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + dialect().qualify(schema, NAMES.get(table)))) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The definition's primary key as a snapshot shows it; under its name, unless this database names every key alike. */
    private ConstraintSnapshot primaryKey(CreateTable definition) {
        TableConstraint key = definition.constraints().stream().filter(c -> c instanceof TableConstraint.PrimaryKey)
                .findFirst().orElseThrow();
        return new ConstraintSnapshot(Kind.PRIMARY_KEY, namesPrimaryKeys() ? key.name() : null,
                "PRIMARY KEY (" + String.join(", ", key.columns()) + ")");
    }

    /** False where every primary key has one name (MariaDB's PRIMARY), which a snapshot leaves out. */
    boolean namesPrimaryKeys() {
        return true;
    }

    static void execute(Connection connection, SqlStatement sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            statement.execute();
        }
    }
}
