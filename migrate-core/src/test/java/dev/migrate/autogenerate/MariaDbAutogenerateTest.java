package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbAutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT schema_name FROM information_schema.schemata");
    }

    /**
     * A schema is a database here, server-wide: one named after the test class's database, so the
     * extension drops it with that one (a bare {@code ag_<hex>} stayed behind after every run).
     */
    @Override
    protected String scenarioSchema(TestDatabase database) {
        return MariaDbDatabaseExtension.siblingName(database, super.scenarioSchema(database));
    }

    /**
     * A json column brings its own check, named after the column (CHECK (json_valid(`payload`))):
     * the new table creates it again, so it is no separate constraint to add (which would fail as
     * a duplicate name).
     */
    @Test
    void aJsonColumnsOwnCheckComesWithItsTable(TestDatabase database) throws SQLException {
        List<Operation> model = List.of(CreateTable.of("events", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("payload", ColumnType.sql("json"))));
        AutogenerateResult result = new Scenario(database, List.of()).roundTrip(model, AutogenerateOptions.defaults());
        assertEquals(List.of("+ table events"), describe(result));
    }

    /**
     * A user who may not create databases (a schema is one here) is told the privileges the scratch
     * database needs and the GRANT that gives them; with that grant, autogenerate works.
     */
    @Test
    void aUserWhoMayNotCreateTheScratchDatabaseIsToldTheGrant(TestDatabase database) throws SQLException {
        String user = "ag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            String name = database.strings("SELECT DATABASE()").get(0); // getCatalog() says "def" with useCatalogTerm=Schema
            statement.execute("CREATE USER '" + user + "'@'%'");
            try {
                statement.execute("GRANT SELECT ON `" + name + "`.* TO '" + user + "'@'%'");
                TestDatabase asUser = new TestDatabase(database.dialect(), database.url().replaceFirst("user=[^&]*",
                        "user=" + user), user, null);
                MigrateException e = assertThrows(MigrateException.class, () -> compare(asUser));
                String message = e.getMessage().replaceAll("migrate_autogen_[0-9a-f]{8}", "migrate_autogen_*");
                assertTrue(message.startsWith("Autogenerate could not create the scratch schema it builds the model in: "),
                        message);
                assertTrue(message.endsWith(" to database 'migrate_autogen_*' (SQLState 42000). It tried a named schema,"
                        + " migrate_autogen_*, which needs the privileges on the databases named migrate_autogen_... (a"
                        + " schema is a database in MariaDB), to create, use and drop them (GRANT ALL ON"
                        + " `migrate\\_autogen\\_%`.* TO '" + user + "')."), message);
                statement.execute("GRANT ALL ON `migrate\\_autogen\\_%`.* TO '" + user + "'");
                assertEquals(List.of("+ table events"), describe(compare(asUser)), "as the message advised");
            } finally {
                statement.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    private static AutogenerateResult compare(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return new Autogenerator(new MariaDbDialect(), SchemaIntrospector.forUrl(database.url()), null, List.of())
                    .compare(connection, new ModelSchema("test model", List.of(CreateTable.of("events", t -> t
                            .column("id", ColumnType.BIGINT, c -> c.primaryKey())))), AutogenerateOptions.defaults());
        }
    }
}
