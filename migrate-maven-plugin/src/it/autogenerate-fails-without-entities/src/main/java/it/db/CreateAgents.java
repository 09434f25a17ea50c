package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** create agents */
@Revision(id = "5b6c7d8e9f01", message = "create agents")
public final class CreateAgents implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE agents (id BIGINT PRIMARY KEY)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE agents");
    }
}
