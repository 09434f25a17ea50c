package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** create report */
@Revision(id = "b7c8d9e0f1a2", revises = "1975ea83b712", message = "create report")
public final class CreateReport implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE report (id INT PRIMARY KEY)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE report");
    }
}
