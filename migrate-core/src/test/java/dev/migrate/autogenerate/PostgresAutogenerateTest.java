package dev.migrate.autogenerate;

import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
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
}
