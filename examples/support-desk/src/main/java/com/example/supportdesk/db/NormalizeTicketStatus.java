package com.example.supportdesk.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.AllowUnsafe;
import dev.migrate.annotation.Revision;

/**
 * A data migration: statuses were free lower-case text ({@code open}, {@code pending}, ...); from
 * now on they are upper-case constants the application maps to an enum, enforced by a CHECK. The
 * downgrade maps them back, so it is a real round trip rather than a no-op.
 */
@Revision(id = "c2e5f7a91b34", revises = "b1d4e6f80a23", message = "normalize ticket status")
@AllowUnsafe(value = "MG112", reason = "the old application writes lower-case statuses until this revision commits,"
        + " so the UPDATEs and the CHECK must commit together; tickets is small enough to lock for the UPDATE")
@AllowUnsafe(value = "MG124", reason = "on MariaDB a CHECK is added by copying tickets, which is small enough to copy"
        + " in a deployment")
public final class NormalizeTicketStatus implements Migration {

    private static final String[] STATUSES = {"open", "pending", "resolved", "closed"};

    @Override
    public void upgrade(Operations op) {
        for (String status : STATUSES) {
            op.execute("UPDATE tickets SET status = ? WHERE status = ?", status.toUpperCase(), status);
        }
        // Anything else was a typo in the old free-text column; it becomes OPEN so nobody loses a ticket.
        op.execute("UPDATE tickets SET status = 'OPEN' WHERE status NOT IN ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')");
        op.alterColumn("tickets", "status", c -> c.defaultValue("OPEN"));
        // NOT VALID: the UPDATEs above have just made every row valid, so no second scan under the lock.
        op.addCheck("ck_tickets_status", "tickets", "status IN ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')",
                c -> c.notValid());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropConstraint("ck_tickets_status", "tickets");
        op.alterColumn("tickets", "status", c -> c.defaultValue("open"));
        for (String status : STATUSES) {
            op.execute("UPDATE tickets SET status = ? WHERE status = ?", status, status.toUpperCase());
        }
    }
}
