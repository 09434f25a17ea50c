package dev.migrate.testing;

import dev.migrate.Migration;
import dev.migrate.Operations;
import java.util.function.Consumer;

/** A {@link Migration} written as two lambdas, so tests can declare revisions without a class each. */
public final class LambdaMigration implements Migration {

    private final Consumer<Operations> up;
    private final Consumer<Operations> down;

    public LambdaMigration(Consumer<Operations> up, Consumer<Operations> down) {
        this.up = up;
        this.down = down;
    }

    @Override
    public void upgrade(Operations op) {
        up.accept(op);
    }

    @Override
    public void downgrade(Operations op) {
        down.accept(op);
    }
}
