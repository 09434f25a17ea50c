package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/**
 * create ticket. The test "edits" this revision after it was applied by setting the system
 * property it.edited, which changes the SQL it renders (a real edit would need a recompile
 * between two invoker steps).
 */
@Revision(id = "3a4f5c6d7e80", revises = "1975ea83b712", message = "create ticket")
public final class CreateTicket implements Migration {

    @Override
    public void upgrade(Operations op) {
        String title = Boolean.getBoolean("it.edited") ? "VARCHAR(500)" : "VARCHAR(200)";
        op.execute("CREATE TABLE ticket (id INT PRIMARY KEY, title " + title + " NOT NULL)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE ticket");
    }
}
