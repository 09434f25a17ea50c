package dev.migrate.autogenerate;

import dev.migrate.testing.H2DatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2AutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA");
    }
}
