package dev.migrate.engine;

import dev.migrate.testing.MariaDbDatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbEngineTest extends EngineContract {
}
