package com.example.supportdesk.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/**
 * Resolution time in minutes, kept on the ticket so reports need not compute it, and backfilled for
 * tickets already resolved. EXTRACT(EPOCH ...) works on both H2 and PostgreSQL.
 */
@Revision(id = "d3f6a8b02c45", revises = "c2e5f7a91b34", message = "add resolution minutes")
public final class AddResolutionMinutes implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("ALTER TABLE tickets ADD COLUMN resolution_minutes INT");
        op.execute("UPDATE tickets SET resolution_minutes ="
                + " CAST((EXTRACT(EPOCH FROM resolved_at) - EXTRACT(EPOCH FROM created_at)) / 60 AS INT)"
                + " WHERE resolved_at IS NOT NULL AND resolution_minutes IS NULL");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("ALTER TABLE tickets DROP COLUMN resolution_minutes");
    }
}
