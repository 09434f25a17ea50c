package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbAutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT schema_name FROM information_schema.schemata");
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
}
