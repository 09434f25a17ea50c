package dev.migrate;

import dev.migrate.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class PostgresMigratorTest extends MigratorContract {
}
