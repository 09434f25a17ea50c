package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.BIGINT;
import static dev.migrate.ops.ColumnType.TIMESTAMP;
import static dev.migrate.ops.ColumnType.varchar;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ReferentialAction;

/**
 * Tickets: who asked, who works on it. Deleting an agent must not delete their tickets, so the
 * assignment is {@code ON DELETE SET NULL}; deleting a customer deletes what they asked.
 */
@Revision(id = "8f2b3c4d5e61", revises = "4c1a9e2b7d30", message = "create tickets")
public final class CreateTickets implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("tickets", t -> {
            t.column("id", BIGINT, c -> c.identity().primaryKey())
                    .column("subject", varchar(200), c -> c.notNull())
                    .column("body", varchar(4000))
                    .column("status", varchar(20), c -> c.notNull().defaultValue("open"))
                    .column("requester_id", BIGINT, c -> c.notNull())
                    .column("assignee_id", BIGINT)
                    .column("created_at", TIMESTAMP, c -> c.notNull().defaultSql("CURRENT_TIMESTAMP"))
                    .column("resolved_at", TIMESTAMP);
            t.foreignKey("requester_id").references("users", "id").onDelete(ReferentialAction.CASCADE)
                    .name("fk_tickets_requester");
            t.foreignKey("assignee_id").references("users", "id").onDelete(ReferentialAction.SET_NULL)
                    .name("fk_tickets_assignee");
        });
        op.createIndex("ix_tickets_assignee", "tickets", "assignee_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("tickets");
    }
}
