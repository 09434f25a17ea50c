package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.BIGINT;
import static dev.migrate.ops.ColumnType.varchar;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** The agents who work on tickets, with the two the service starts with. */
@Revision(id = "1a2b3c4d5e6f", message = "create agents")
public final class CreateAgents implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("agent", t -> t
                .column("id", BIGINT, c -> c.identity().primaryKey())
                .column("name", varchar(100), c -> c.notNull())
                .column("email", varchar(200), c -> c.notNull().unique()));
        op.execute("INSERT INTO agent (name, email) VALUES (?, ?)", "Ada Lovelace", "ada@support.example");
        op.execute("INSERT INTO agent (name, email) VALUES (?, ?)", "Grace Hopper", "grace@support.example");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("agent");
    }
}
