package dev.migrate.autogenerate;

import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbAutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT schema_name FROM information_schema.schemata");
    }
}
