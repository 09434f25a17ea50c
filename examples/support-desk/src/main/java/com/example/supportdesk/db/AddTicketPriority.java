package com.example.supportdesk.db;

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
        op.execute("ALTER TABLE tickets ADD COLUMN priority SMALLINT DEFAULT 3 NOT NULL");
        op.execute("ALTER TABLE tickets ADD CONSTRAINT ck_tickets_priority CHECK (priority BETWEEN 1 AND 4)");
        op.execute("CREATE INDEX ix_tickets_priority ON tickets (priority, status)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP INDEX ix_tickets_priority");
        op.execute("ALTER TABLE tickets DROP CONSTRAINT ck_tickets_priority");
        op.execute("ALTER TABLE tickets DROP COLUMN priority");
    }
}
