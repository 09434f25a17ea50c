package dev.migrate;

import dev.migrate.testing.MariaDbDatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbMigratorTest extends MigratorContract {
}
