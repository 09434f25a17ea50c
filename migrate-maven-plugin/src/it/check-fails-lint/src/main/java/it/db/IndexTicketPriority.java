package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import java.util.List;

@Revision(id = "4c1a9e2b7d30", revises = "2b3c4d5e6f70", message = "index ticket priority")
public final class IndexTicketPriority implements Migration {

    @Override
    public void upgrade(Operations op) {
        // -Dit.safe=true: the fix the lint asks for, read when check records the revision.
        boolean safe = Boolean.getBoolean("it.safe");
        op.createIndex("ix_tickets_priority", "tickets", List.of("priority"), ix -> {
            if (safe) {
                ix.concurrently();
            }
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_tickets_priority", "tickets");
    }
}
