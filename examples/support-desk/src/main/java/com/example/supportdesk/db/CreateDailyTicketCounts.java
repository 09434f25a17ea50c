package com.example.supportdesk.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/**
 * Start of the {@code reporting} branch, developed alongside the main line from the revision that
 * created tickets, and merged back by {@link MergeReporting}.
 */
@Revision(id = "5e7a9c1b3d50", revises = "8f2b3c4d5e61", branchLabels = "reporting",
        message = "create daily ticket counts view")
public final class CreateDailyTicketCounts implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE VIEW daily_ticket_counts AS"
                + " SELECT CAST(created_at AS DATE) AS opened_on, COUNT(*) AS opened"
                + " FROM tickets GROUP BY CAST(created_at AS DATE)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP VIEW daily_ticket_counts");
    }
}
