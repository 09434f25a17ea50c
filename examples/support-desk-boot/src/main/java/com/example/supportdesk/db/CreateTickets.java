package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.BIGINT;
import static dev.migrate.ops.ColumnType.TIMESTAMPTZ;
import static dev.migrate.ops.ColumnType.varchar;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ReferentialAction;

/**
 * Tickets, each optionally assigned to an agent. Deleting an agent must not delete their tickets, so
 * the assignment is {@code ON DELETE SET NULL}.
 */
@Revision(id = "2b3c4d5e6f70", revises = "1a2b3c4d5e6f", message = "create tickets")
public final class CreateTickets implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("ticket", t -> {
            t.column("id", BIGINT, c -> c.identity().primaryKey())
                    .column("subject", varchar(200), c -> c.notNull())
                    .column("status", varchar(20), c -> c.notNull())
                    .column("assignee_id", BIGINT)
                    .column("created_at", TIMESTAMPTZ, c -> c.notNull());
            t.foreignKey("assignee_id").references("agent", "id").onDelete(ReferentialAction.SET_NULL)
                    .name("fk_ticket_assignee");
        });
        op.createIndex("ix_ticket_assignee", "ticket", "assignee_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("ticket");
    }
}
