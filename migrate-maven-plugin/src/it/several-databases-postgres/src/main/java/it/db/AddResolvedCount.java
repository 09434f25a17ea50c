package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** add resolved count (analytics) */
@Revision(id = "b2c3d4e5f6a7", revises = "a1b2c3d4e5f6", database = "analytics", message = "add resolved count")
public final class AddResolvedCount implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("ALTER TABLE daily_facts ADD COLUMN resolved INT");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("ALTER TABLE daily_facts DROP COLUMN resolved");
    }
}
