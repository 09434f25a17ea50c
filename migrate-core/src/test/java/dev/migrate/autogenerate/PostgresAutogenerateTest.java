package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.TableConstraint;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class PostgresAutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT nspname FROM pg_namespace");
    }

    @Override
    protected boolean onlineForms() {
        return true;
    }

    /**
     * A foreign key or check added NOT VALID (the safe form on a table with rows) is the constraint the
     * model asks for, and {@code timestamp(6)} (Hibernate's spelling) is PostgreSQL's default
     * {@code timestamp}: neither is a change.
     */
    @Test
    void notValidConstraintsAndTimestampOfSixDigitsAreNoChange(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(agents(), withOpenedAt(tickets(true), ColumnType.TIMESTAMP),
                new AddConstraint(QualifiedName.of(null, "tickets"), new TableConstraint.Check("ck_tickets_title",
                        "title <> ''"), true),
                AddConstraint.foreignKey("fk_tickets_assignee", "tickets", List.of("assignee_id"), "agents", List.of("id"),
                        a -> a.onDelete(ReferentialAction.SET_NULL).notValid()));
        List<Operation> model = List.of(agents(), withOpenedAt(tickets(true), ColumnType.sql("timestamp(6)")),
                new AddConstraint(QualifiedName.of(null, "tickets"), new TableConstraint.Check("ck_tickets_title",
                        "title <> ''")),
                assigneeKey());
        Scenario scenario = new Scenario(database, base);
        assertEquals(List.of(), describe(scenario.autogenerate(model, AutogenerateOptions.defaults())));
    }

    /**
     * A foreign key the typed operations cannot hold (DEFERRABLE) is dropped by name and recreated in
     * the downgrade from PostgreSQL's own definition, written by the dialect, with a review note.
     */
    @Test
    void aDeferrableForeignKeyComesBackFromTheDatabasesDefinition(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(agents(), tickets(true), new ExecuteSql("ALTER TABLE tickets ADD CONSTRAINT fk_deferred"
                + " FOREIGN KEY (assignee_id) REFERENCES agents (id) DEFERRABLE INITIALLY DEFERRED", List.of()));
        AutogenerateResult result = new Scenario(database, base).roundTrip(List.of(agents(), tickets(true)),
                AutogenerateOptions.defaults());
        assertEquals(List.of("- foreign key tickets.fk_deferred FOREIGN KEY (assignee_id) REFERENCES agents(id) DEFERRABLE"
                + " INITIALLY DEFERRED"), describe(result));
        assertEquals(List.of(new ExecuteSql("ALTER TABLE \"tickets\" ADD CONSTRAINT \"fk_deferred\" FOREIGN KEY (assignee_id)"
                + " REFERENCES agents(id) DEFERRABLE INITIALLY DEFERRED", List.of())), result.downgrade());
        assertTrue(result.notes().stream().anyMatch(n -> n.text().equals("the constraint fk_deferred FOREIGN KEY (assignee_id)"
                + " REFERENCES agents(id) DEFERRABLE INITIALLY DEFERRED on tickets has parts the typed operations cannot hold;"
                + " the downgrade recreates it from the database's definition as plain SQL (op.execute): check it.")),
                result.notes()::toString);
    }

    /**
     * The model is built in the session's temporary schema ({@code pg_temp}): it must read exactly as
     * in a named scratch schema (types, defaults, checks, identity, sequences, indexes, keys), and
     * leave the session's temporary schema empty.
     */
    @Test
    void theTemporarySchemaReadsAsANamedScratchSchemaDoes(TestDatabase database) throws SQLException {
        PostgresDialect dialect = new PostgresDialect();
        SchemaIntrospector introspector = SchemaIntrospector.forUrl(database.url());
        ScratchSchema temporary = ScratchSchema.forDialect(dialect, introspector);
        assertInstanceOf(ScratchSchema.Temporary.class, temporary);
        try (Connection connection = database.connect()) {
            SchemaSnapshot inTemporary = temporary.materialise(connection, everyKindOfObject());
            SchemaSnapshot inNamed = new ScratchSchema.RolledBack(dialect, introspector).materialise(connection,
                    everyKindOfObject());
            assertEquals(List.of("agents", "tickets"), inTemporary.tableNames());
            assertEquals(inNamed, inTemporary);
            assertEquals(List.of("0"), strings(connection,
                    "SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()"));
            assertTrue(connection.getAutoCommit());
        }
    }

    /**
     * A pooled connection may hold temporary tables of the application's: they must not join the model,
     * so such a session gets a named scratch schema, and keeps its own tables.
     */
    @Test
    void aSessionWithTemporaryTablesOfItsOwnGetsANamedScratchSchema(TestDatabase database) throws SQLException {
        SchemaIntrospector introspector = SchemaIntrospector.forUrl(database.url());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE report_rows (id int)");
            SchemaSnapshot model = ScratchSchema.forDialect(new PostgresDialect(), introspector).materialise(connection,
                    everyKindOfObject());
            assertEquals(List.of("agents", "tickets"), model.tableNames());
            assertEquals(List.of("report_rows"), strings(connection,
                    "SELECT relname FROM pg_class WHERE relnamespace = pg_my_temp_schema() AND relkind = 'r'"));
        }
        assertEquals(List.of(), schemaNames(database).stream().filter(s -> s.startsWith("migrate_autogen_")).toList());
    }

    /**
     * A database may revoke TEMPORARY from PUBLIC: a user without it gets a named scratch schema
     * (which needs CREATE on the database, as before) instead of an error.
     */
    @Test
    void aUserWithoutTheTemporaryPrivilegeGetsANamedScratchSchema(TestDatabase database) throws SQLException {
        String role = "ag_no_temp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            String name = admin.getCatalog();
            statement.execute("CREATE ROLE " + role + " LOGIN");
            statement.execute("REVOKE TEMPORARY ON DATABASE \"" + name + "\" FROM PUBLIC");
            statement.execute("GRANT CREATE ON DATABASE \"" + name + "\" TO " + role);
            try {
                TestDatabase asRole = new TestDatabase(database.dialect(), database.url().replaceFirst("user=[^&]*",
                        "user=" + role), role, null);
                try (Connection connection = asRole.connect()) {
                    SchemaSnapshot model = ScratchSchema.forDialect(new PostgresDialect(),
                            SchemaIntrospector.forUrl(asRole.url())).materialise(connection, everyKindOfObject());
                    assertEquals(List.of("agents", "tickets"), model.tableNames());
                }
            } finally {
                statement.execute("GRANT TEMPORARY ON DATABASE \"" + name + "\" TO PUBLIC");
                statement.execute("REVOKE CREATE ON DATABASE \"" + name + "\" FROM " + role);
                statement.execute("DROP ROLE " + role);
            }
        }
        assertEquals(List.of(), schemaNames(database).stream().filter(s -> s.startsWith("migrate_autogen_")).toList());
    }

    /**
     * A user who may neither create temporary tables nor a schema is told both privileges, each with
     * its GRANT, either of which lets autogenerate build the model.
     */
    @Test
    void aUserWithoutTemporaryOrCreateIsToldEitherPrivilege(TestDatabase database) throws SQLException {
        String role = "ag_no_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            String name = admin.getCatalog();
            statement.execute("CREATE ROLE " + role + " LOGIN");
            statement.execute("REVOKE TEMPORARY ON DATABASE \"" + name + "\" FROM PUBLIC");
            try {
                MigrateException e = assertThrows(MigrateException.class, () -> compareAs(database, role, false));
                assertEquals("Autogenerate could not create the scratch schema it builds the model in: ERROR: permission"
                        + " denied for database " + name + " (SQLState 42501). The user may not create temporary tables, so"
                        + " the model could not be built in the session's temporary schema, which needs the TEMPORARY"
                        + " privilege on the database (GRANT TEMPORARY ON DATABASE \"" + name + "\" TO \"" + role + "\"). It"
                        + " tried a named schema, migrate_autogen_*, which needs the CREATE privilege on the database"
                        + " (GRANT CREATE ON DATABASE \"" + name + "\" TO \"" + role + "\"). Either privilege is enough.",
                        e.getMessage().replaceAll("migrate_autogen_[0-9a-f]{8}", "migrate_autogen_*"));
                statement.execute("GRANT TEMPORARY ON DATABASE \"" + name + "\" TO \"" + role + "\"");
                assertEquals(List.of("+ table agents"), describe(compareAs(database, role, false)), "as the message advised");
            } finally {
                statement.execute("GRANT TEMPORARY ON DATABASE \"" + name + "\" TO PUBLIC");
                statement.execute("REVOKE TEMPORARY ON DATABASE \"" + name + "\" FROM " + role);
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    /** A session whose own temporary tables keep it from pg_temp needs CREATE for the named schema: the message says why. */
    @Test
    void aSessionWithTemporaryTablesAndNoCreateIsToldWhy(TestDatabase database) throws SQLException {
        String role = "ag_temp_only_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            String name = admin.getCatalog();
            statement.execute("CREATE ROLE " + role + " LOGIN");
            try {
                MigrateException e = assertThrows(MigrateException.class, () -> compareAs(database, role, true));
                assertEquals("Autogenerate could not create the scratch schema it builds the model in: ERROR: permission"
                        + " denied for database " + name + " (SQLState 42501). The session holds temporary tables of its"
                        + " own, which would mix into the model, so the model could not be built in the session's temporary"
                        + " schema. It tried a named schema, migrate_autogen_*, which needs the CREATE privilege on the"
                        + " database (GRANT CREATE ON DATABASE \"" + name + "\" TO \"" + role + "\").",
                        e.getMessage().replaceAll("migrate_autogen_[0-9a-f]{8}", "migrate_autogen_*"));
            } finally {
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    /** Autogenerate of one new table, on a connection of {@code role}, which first creates a temporary table when {@code ownTemporary}. */
    private static AutogenerateResult compareAs(TestDatabase database, String role, boolean ownTemporary) throws SQLException {
        TestDatabase asRole = new TestDatabase(database.dialect(), database.url().replaceFirst("user=[^&]*", "user=" + role),
                role, null);
        try (Connection connection = asRole.connect()) {
            if (ownTemporary) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TEMPORARY TABLE report_rows (id int)");
                }
            }
            try {
                return new Autogenerator(new PostgresDialect(), SchemaIntrospector.forUrl(asRole.url()), null, List.of())
                        .compare(connection, new ModelSchema("test model", List.of(agents())), AutogenerateOptions.defaults());
            } finally {
                if (ownTemporary) {
                    // Dropped at once, so the role can be dropped: the server ends a closed session's temporary tables later.
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DROP TABLE report_rows");
                    }
                }
            }
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static CreateTable withOpenedAt(CreateTable table, ColumnType type) {
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(new Column("opened_at", type, true, null, false, null));
        return new CreateTable(table.table(), columns, table.constraints(), table.comment());
    }
}
