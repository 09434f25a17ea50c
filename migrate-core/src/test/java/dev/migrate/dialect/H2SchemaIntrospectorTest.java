package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.dialect.ConstraintSnapshot.Kind;
import dev.migrate.testing.H2DatabaseExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2SchemaIntrospectorTest extends SchemaIntrospectorContract {

    @Override
    TableSnapshot expectedChild() {
        return new TableSnapshot("CHILD", List.of(
                new ColumnSnapshot("ID", "BIGINT", false, null),
                new ColumnSnapshot("NAME", "CHARACTER VARYING(40)", false, "'x'"),
                new ColumnSnapshot("AMOUNT", "NUMERIC(10, 2)", true, null),
                new ColumnSnapshot("PARENT_ID", "INTEGER", true, null)),
                List.of(new IndexSnapshot("CHILD_NAME_IX", List.of("NAME DESC", "AMOUNT"), false, null)),
                List.of(new ConstraintSnapshot(Kind.PRIMARY_KEY, "CHILD_PK", "PRIMARY KEY (ID)"),
                        new ConstraintSnapshot(Kind.FOREIGN_KEY, "CHILD_PARENT_FK",
                                "FOREIGN KEY (PARENT_ID) REFERENCES PARENT(ID) ON DELETE CASCADE"),
                        new ConstraintSnapshot(Kind.CHECK, "CHILD_AMOUNT_CHECK", "CHECK (\"AMOUNT\" > CAST(0 AS NUMERIC(1)))")));
    }

    /** Unnamed constraints get H2's generated names, which a snapshot leaves out. */
    /** H2 computes on write without the word STORED. */
    @Override
    String computedAs() {
        return "GENERATED ALWAYS AS (amount * 2)";
    }

    @Override
    List<ConstraintSnapshot> expectedParentConstraints() {
        return new TableSnapshot("PARENT", List.of(), List.of(), List.of(
                new ConstraintSnapshot(Kind.PRIMARY_KEY, null, "PRIMARY KEY (ID)"),
                new ConstraintSnapshot(Kind.UNIQUE, null, "UNIQUE (CODE)"))).constraints();
    }

    /**
     * With DATABASE_TO_LOWER=TRUE (the setting the project recommends) H2 reports DATA_TYPE in lower
     * case too; lengths and precisions must still be read, or a length change is no change.
     */
    @Test
    void typesKeepLengthAndPrecisionWhenNamesFoldToLowerCase() throws SQLException {
        String url = "jdbc:h2:mem:lower_" + UUID.randomUUID().toString().substring(0, 8) + ";DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
            List<ColumnSnapshot> columns = introspector().snapshot(connection, null).table("child").orElseThrow().columns();
            assertEquals(List.of("BIGINT", "CHARACTER VARYING(40)", "NUMERIC(10, 2)", "INTEGER"),
                    columns.stream().map(ColumnSnapshot::type).toList());
        }
    }

    @Override
    void useNewSchema(Statement statement, String name) throws SQLException {
        statement.execute("CREATE SCHEMA " + name);
        statement.execute("SET SCHEMA " + name);
    }

    @Override
    SchemaIntrospector introspector() {
        return SchemaIntrospector.forUrl("jdbc:h2:mem:x");
    }
}
