package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** create audit, a second branch from the base */
@Revision(id = "c0ffee000001", revises = "1975ea83b712", message = "create audit")
public final class CreateAudit implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE audit (id INT PRIMARY KEY)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE audit");
    }
}
