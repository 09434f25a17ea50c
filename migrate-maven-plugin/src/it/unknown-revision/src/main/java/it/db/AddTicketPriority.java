package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** add ticket priority */
@Revision(id = "ae1027a6acf0", revises = "3a4f5c6d7e80", message = "add ticket priority")
public final class AddTicketPriority implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("ALTER TABLE ticket ADD COLUMN priority INT");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("ALTER TABLE ticket DROP COLUMN priority");
    }
}
