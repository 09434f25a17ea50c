package dev.migrate.engine;

import dev.migrate.testing.H2DatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2EngineTest extends EngineContract {
}
