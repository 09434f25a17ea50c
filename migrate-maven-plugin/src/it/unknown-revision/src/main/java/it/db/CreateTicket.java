package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** create ticket */
@Revision(id = "3a4f5c6d7e80", revises = "1975ea83b712", message = "create ticket")
public final class CreateTicket implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE ticket (id INT PRIMARY KEY, user_id INT REFERENCES app_user (id), title VARCHAR(200) NOT NULL)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE ticket");
    }
}
