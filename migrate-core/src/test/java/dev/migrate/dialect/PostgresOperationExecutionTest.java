package dev.migrate.dialect;

import dev.migrate.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation rendered by {@link PostgresDialect}, run on a real PostgreSQL. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresOperationExecutionTest extends OperationExecutionContract {

    @Override
    Dialect dialect() {
        return new PostgresDialect();
    }
}
