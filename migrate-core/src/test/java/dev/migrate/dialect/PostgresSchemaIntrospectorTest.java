package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.dialect.ConstraintSnapshot.Kind;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class PostgresSchemaIntrospectorTest extends SchemaIntrospectorContract {

    @Override
    TableSnapshot expectedChild() {
        return new TableSnapshot("child", List.of(
                new ColumnSnapshot("id", "bigint", false, null),
                new ColumnSnapshot("name", "character varying(40)", false, "'x'::character varying"),
                new ColumnSnapshot("amount", "numeric(10,2)", true, null),
                new ColumnSnapshot("parent_id", "integer", true, null)),
                List.of(new IndexSnapshot("child_name_ix", List.of("name DESC", "amount"), false, null)),
                List.of(new ConstraintSnapshot(Kind.PRIMARY_KEY, "child_pk", "PRIMARY KEY (id)"),
                        new ConstraintSnapshot(Kind.FOREIGN_KEY, "child_parent_fk",
                                "FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE"),
                        new ConstraintSnapshot(Kind.CHECK, "child_amount_check", "CHECK (amount > 0::numeric)")));
    }

    @Override
    List<ConstraintSnapshot> expectedParentConstraints() {
        return new TableSnapshot("parent", List.of(), List.of(), List.of(
                new ConstraintSnapshot(Kind.PRIMARY_KEY, "parent_pkey", "PRIMARY KEY (id)"),
                new ConstraintSnapshot(Kind.UNIQUE, "parent_code_key", "UNIQUE (code)"))).constraints();
    }

    @Override
    void useNewSchema(Statement statement, String name) throws SQLException {
        statement.execute("CREATE SCHEMA " + name);
        statement.execute("SET search_path TO " + name);
    }

    @Override
    SchemaIntrospector introspector() {
        return SchemaIntrospector.forUrl("jdbc:postgresql://localhost/x");
    }

    /**
     * Hibernate's check on an enum by name ({@code colour in ('RED', 'GREEN')}) reads back in words
     * that PostgreSQL, given them again, keeps in other words; a check recreated from its snapshot
     * (what a downgrade does) still reads as the same check.
     */
    @Test
    void aCheckOverAListReadsTheSameOnceRecreatedFromItsSnapshot(TestDatabase database) throws SQLException {
        try (Connection connection = connectToNewSchema(database)) {
            run(connection, List.of("CREATE TABLE paint (id bigint PRIMARY KEY, colour varchar(255),"
                    + " CONSTRAINT paint_colour_check CHECK (colour in ('RED', 'GREEN', 'it''s, [odd]')))"));
            ConstraintSnapshot first = check(connection);
            assertEquals("CHECK (colour::text = ANY (ARRAY['RED'::character varying::text, 'GREEN'::character varying::text,"
                    + " 'it''s, [odd]'::character varying::text]))", first.definition());
            run(connection, List.of("ALTER TABLE paint DROP CONSTRAINT paint_colour_check",
                    "ALTER TABLE paint ADD CONSTRAINT paint_colour_check " + first.definition()));
            assertEquals(first, check(connection));
        }
    }

    private ConstraintSnapshot check(Connection connection) throws SQLException {
        return introspector().snapshot(connection, null).table("paint").orElseThrow().constraints().stream()
                .filter(c -> c.kind() == Kind.CHECK).findFirst().orElseThrow();
    }
}
