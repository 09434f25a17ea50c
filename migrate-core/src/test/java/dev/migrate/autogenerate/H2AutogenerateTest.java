package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.h2.H2Dialect;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.Operation;
import dev.migrate.testing.H2DatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2AutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA");
    }

    /**
     * A unique or check constraint written without a name (as Hibernate's export writes them) gets
     * one H2 makes up ({@code CONSTRAINT_8}), which the snapshot leaves out of comparisons; the
     * generated upgrade still drops it by that name, with no review note, and the downgrade adds it
     * back (under a name of its own).
     */
    @Test
    void constraintsH2NamedAreDroppedByTheNameH2Gave(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of());
        scenario.execute("CREATE TABLE %s.%s (%s BIGINT PRIMARY KEY, %s VARCHAR(10) UNIQUE, %s INTEGER CHECK (%s > 0))",
                "products", "id", "code", "price", "price");
        SchemaSnapshot before = scenario.snapshot();
        List<String> generatedNames = before.tables().get(0).constraints().stream()
                .filter(c -> c.kind() != ConstraintSnapshot.Kind.PRIMARY_KEY).map(ConstraintSnapshot::generatedName)
                .sorted().toList();
        assertEquals(2, generatedNames.size(), before::toString);
        assertTrue(generatedNames.stream().allMatch(n -> n.startsWith("CONSTRAINT_")), generatedNames::toString);

        List<Operation> model = List.of(CreateTable.of("products", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("code", ColumnType.varchar(10))
                .column("price", ColumnType.INTEGER)));
        AutogenerateResult result = scenario.autogenerate(model, AutogenerateOptions.defaults());
        assertEquals(List.of(), result.notes(), () -> result.notes().toString());
        assertEquals(generatedNames, result.upgrade().stream().filter(DropConstraint.class::isInstance)
                .map(o -> ((DropConstraint) o).name()).sorted().toList());
        String previous = scenario.apply(result);
        assertEquals(List.of(), describe(scenario.autogenerate(model, AutogenerateOptions.defaults())));
        scenario.downgrade(previous);
        assertEquals(definitions(before), definitions(scenario.snapshot()));
    }

    private static List<String> definitions(SchemaSnapshot snapshot) {
        return snapshot.tables().get(0).constraints().stream().map(ConstraintSnapshot::definition).sorted().toList();
    }

    private static AutogenerateResult compare(Connection connection, String url) {
        return new Autogenerator(new H2Dialect(), SchemaIntrospector.forUrl(url), null, List.of()).compare(connection,
                new ModelSchema("test model", List.of(CreateTable.of("events", t -> t.column("id", ColumnType.BIGINT)))),
                AutogenerateOptions.defaults());
    }

    /** H2 lets only an admin create a schema: the message says so, and how to make the user one. */
    @Test
    void aUserWhoMayNotCreateTheScratchSchemaIsToldTheRightToAsk() throws SQLException {
        String url = "jdbc:h2:mem:scratch_rights;DB_CLOSE_DELAY=-1";
        try (Connection admin = DriverManager.getConnection(url, "sa", ""); Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER \"reader\" PASSWORD 'r'");
            try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:scratch_rights", "reader", "r")) {
                MigrateException e = assertThrows(MigrateException.class, () -> compare(connection, url));
                assertEquals("Autogenerate could not create the scratch schema it builds the model in: Admin rights are"
                        + " required for this operation; SQL statement:\nCREATE SCHEMA IF NOT EXISTS \"migrate_autogen_*\""
                        + " [90040-232] (SQLState 90040). It tried a named schema, migrate_autogen_*, which needs admin"
                        + " rights, which H2 requires to create a schema (ALTER USER \"READER\" ADMIN TRUE).",
                        e.getMessage().replaceAll("migrate_autogen_[0-9a-f]{8}", "migrate_autogen_*"));
                statement.execute("ALTER USER \"READER\" ADMIN TRUE");
                assertEquals(List.of("+ table events"), describe(compare(connection, url)), "as the message advised");
            } finally {
                statement.execute("DROP ALL OBJECTS");
            }
        }
    }
}
