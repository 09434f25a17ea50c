package dev.migrate.engine;

import dev.migrate.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class PostgresEngineTest extends EngineContract {
}
