package dev.migrate.dialect;

import dev.migrate.testing.H2DatabaseExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation rendered by {@link H2Dialect}, run on an in-memory H2. */
@ExtendWith(H2DatabaseExtension.class)
class H2OperationExecutionTest extends OperationExecutionContract {

    @Override
    Dialect dialect() {
        return new H2Dialect();
    }
}
