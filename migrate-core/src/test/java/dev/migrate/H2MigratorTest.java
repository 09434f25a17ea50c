package dev.migrate;

import dev.migrate.testing.H2DatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(H2DatabaseExtension.class)
class H2MigratorTest extends MigratorContract {
}
