package com.example.supportdesk.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** Open tickets per agent, for the team lead's dashboard (reporting branch). */
@Revision(id = "6f8b0d2c4e61", revises = "5e7a9c1b3d50", message = "create agent workload view")
public final class CreateAgentWorkload implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE VIEW agent_workload AS"
                + " SELECT u.id AS agent_id, u.display_name, COUNT(t.id) AS assigned"
                + " FROM users u LEFT JOIN tickets t ON t.assignee_id = u.id"
                + " WHERE u.role = 'agent'"
                + " GROUP BY u.id, u.display_name");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP VIEW agent_workload");
    }
}
