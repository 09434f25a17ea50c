package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SchemaIntrospector} must do, run against a real database by each subclass.
 * Every test works in its own schema, made current for the connection.
 */
abstract class SchemaIntrospectorContract {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    static final List<String> DDL = List.of(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE)",
            "CREATE TABLE child (id BIGINT NOT NULL, name VARCHAR(40) DEFAULT 'x' NOT NULL, amount NUMERIC(10,2),"
                    + " parent_id INTEGER, CONSTRAINT child_pk PRIMARY KEY (id),"
                    + " CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE,"
                    + " CONSTRAINT child_amount_check CHECK (amount > 0))",
            "CREATE INDEX child_name_ix ON child (name DESC, amount)",
            "CREATE SEQUENCE child_seq");

    /** The {@code child} table of {@link #DDL} as this database reports it. */
    abstract TableSnapshot expectedChild();

    /** The {@code parent} table's constraints as this database reports them. */
    abstract List<ConstraintSnapshot> expectedParentConstraints();

    /** Creates a new schema and makes it the connection's current one. */
    abstract void useNewSchema(Statement statement, String name) throws SQLException;

    abstract SchemaIntrospector introspector();

    /** A query for the connection's current schema. */
    String currentSchemaSql() {
        return "SELECT CURRENT_SCHEMA";
    }

    /** amount becomes NUMERIC(12,2), parent_id NOT NULL, in this database's DDL. */
    List<String> changeAmountTypeAndParentNullability() {
        return List.of("ALTER TABLE child ALTER COLUMN amount SET DATA TYPE NUMERIC(12,2)",
                "ALTER TABLE child ALTER COLUMN parent_id SET NOT NULL");
    }

    /** How a snapshot names NUMERIC, lower-cased. */
    String decimalType() {
        return "numeric";
    }

    /** How a snapshot names INTEGER, lower-cased. */
    String integerType() {
        return "integer";
    }

    @Test
    void readsColumnsIndexesAndConstraints(TestDatabase database) throws SQLException {
        try (Connection connection = connectToNewSchema(database)) {
            run(connection, DDL);
            SchemaSnapshot snapshot = introspector().snapshot(connection, null);
            assertEquals(2, snapshot.tables().size(), snapshot::toString);
            assertEquals(expectedChild(), snapshot.table("child").orElseThrow());
            assertEquals(expectedParentConstraints(), snapshot.table("parent").orElseThrow().constraints());
            assertEquals(1, snapshot.sequences().size());
            assertTrue(snapshot.sequenceNames().get(0).equalsIgnoreCase("child_seq"));
            assertEquals(1, snapshot.sequences().get(0).start());
            assertEquals(1, snapshot.sequences().get(0).increment());
        }
    }

    @Test
    void emptySchemaGivesEmptySnapshot(TestDatabase database) throws SQLException {
        try (Connection connection = connectToNewSchema(database)) {
            assertEquals(SchemaSnapshot.empty(), introspector().snapshot(connection, null));
        }
    }

    @Test
    void recreatingTheSameSchemaGivesAnEqualSnapshot(TestDatabase database) throws SQLException {
        try (Connection connection = connectToNewSchema(database)) {
            run(connection, DDL);
            SchemaSnapshot first = introspector().snapshot(connection, null);
            run(connection, List.of("DROP SEQUENCE child_seq", "DROP TABLE child", "DROP TABLE parent"));
            run(connection, DDL);
            SchemaSnapshot second = introspector().snapshot(connection, null);
            assertEquals(first, second, () -> first.diff(second).toString());
            assertTrue(first.diff(second).isEmpty());
        }
    }

    @Test
    void diffNamesWhatADowngradeLeftBehind(TestDatabase database) throws SQLException {
        try (Connection connection = connectToNewSchema(database)) {
            run(connection, DDL);
            SchemaSnapshot before = introspector().snapshot(connection, null);
            run(connection, List.of("ALTER TABLE child ADD COLUMN priority INTEGER", "CREATE INDEX child_priority_ix ON child (priority)"));
            SchemaSnapshot after = introspector().snapshot(connection, null);
            assertNotEquals(before, after);
            String diff = before.diff(after).toString().toLowerCase();
            assertTrue(diff.contains("+ column child.priority " + integerType()), diff);
            assertTrue(diff.contains("+ index child.child_priority_ix (priority)"), diff);
            assertEquals(2, before.diff(after).lines().size(), diff);
        }
    }

    @Test
    void diffNamesAChangedColumnTypeAndNullability(TestDatabase database) throws SQLException {
        try (Connection connection = connectToNewSchema(database)) {
            run(connection, DDL);
            SchemaSnapshot before = introspector().snapshot(connection, null);
            run(connection, changeAmountTypeAndParentNullability());
            List<String> lines = before.diff(introspector().snapshot(connection, null)).lines();
            assertEquals(2, lines.size(), lines::toString);
            assertTrue(lines.get(0).toLowerCase().matches("~ column child\\.amount " + decimalType() + "\\(10, ?2\\) -> amount " + decimalType()
                    + "\\(12, ?2\\)"),
                    lines::toString);
            assertEquals("~ column child.parent_id " + integerType() + " -> parent_id " + integerType() + " not null",
                    lines.get(1).toLowerCase());
        }
    }

    /** How this database's DDL declares a stored computed column of {@code amount * 2}. */
    String computedAs() {
        return "GENERATED ALWAYS AS (amount * 2) STORED";
    }

    /** A computed column (JPA's {@code @GeneratedColumn}) shows as one, on every database: its expression is no default. */
    @Test
    void aComputedColumnShowsItsExpression(TestDatabase database) throws SQLException {
        try (Connection connection = connectToNewSchema(database)) {
            run(connection, List.of("CREATE TABLE priced (amount NUMERIC(10,2), doubled NUMERIC(10,2) " + computedAs() + ")"));
            ColumnSnapshot doubled = introspector().snapshot(connection, null).table("priced").orElseThrow().columns().get(1);
            assertTrue(doubled.defaultValue() != null && doubled.defaultValue().startsWith("GENERATED ALWAYS AS ("),
                    doubled::toString);
        }
    }

    @Test
    void readsANamedSchemaOtherThanTheCurrentOne(TestDatabase database) throws SQLException {
        String name;
        try (Connection connection = connectToNewSchema(database)) {
            run(connection, DDL);
            name = introspector().snapshot(connection, null).tables().isEmpty() ? null : currentSchema(connection);
        }
        try (Connection other = connectToNewSchema(database)) {
            assertTrue(introspector().snapshot(other, null).isEmpty());
            assertEquals(expectedChild(), introspector().snapshot(other, name).table("child").orElseThrow());
        }
    }

    Connection connectToNewSchema(TestDatabase database) throws SQLException {
        Connection connection = database.connect();
        try (Statement statement = connection.createStatement()) {
            useNewSchema(statement, "snap_" + SCHEMAS.incrementAndGet());
        }
        return connection;
    }

    private String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery(currentSchemaSql())) {
            row.next();
            return row.getString(1);
        }
    }

    static void run(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
