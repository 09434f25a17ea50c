package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.SMALLINT;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/**
 * Priority 1 (urgent) to 4 (low); existing tickets get 3 (normal). The index serves the agents'
 * queue: open tickets by priority.
 */
@Revision(id = "a93c1d7e2f45", revises = "8f2b3c4d5e61", message = "add ticket priority")
public final class AddTicketPriority implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("tickets", "priority", SMALLINT, c -> c.notNull().defaultValue(3));
        op.addCheck("ck_tickets_priority", "tickets", "priority BETWEEN 1 AND 4");
        op.createIndex("ix_tickets_priority", "tickets", "priority", "status");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_tickets_priority", "tickets");
        op.dropConstraint("ck_tickets_priority", "tickets");
        op.dropColumn("tickets", "priority");
    }
}
