package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** fails on purpose: its table does not exist */
@Revision(id = "b0b0c0c0d0d0", revises = "ae1027a6acf0", message = "broken")
public final class Broken implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO no_such_table VALUES (1)");
    }

    @Override
    public void downgrade(Operations op) {
    }
}
