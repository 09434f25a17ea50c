package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** Its first statements succeed, the last one names a table that does not exist. */
@Revision(id = "9f8e7d6c5b4a", revises = "0a1b2c3d4e5f", message = "broken backfill")
public final class BrokenBackfill implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE audit (id INT)");
        op.execute("INSERT INTO account (id) VALUES (1)");
        op.execute("INSERT INTO no_such_table (id) SELECT id FROM account");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE audit");
    }
}
