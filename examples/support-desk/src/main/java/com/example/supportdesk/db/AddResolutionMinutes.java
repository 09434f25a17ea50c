package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.INTEGER;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/**
 * Resolution time in minutes, kept on the ticket so reports need not compute it. The backfill of
 * tickets already resolved runs in batches of 1,000 rows, each its own short statement, so a large
 * table is never locked for long; its WHERE clause only matches rows not filled yet, so the batches
 * end; after a failed batch, the next run resumes at the backfill (the column, committed before the
 * first batch, is not added twice). The difference is hand-written SQL, which differs by database:
 * EXTRACT(EPOCH ...) on H2 and PostgreSQL, TIMESTAMPDIFF on MariaDB and MySQL, so the revision
 * asks {@code op.dialect()} which one it is recorded for.
 */
@Revision(id = "d3f6a8b02c45", revises = "c2e5f7a91b34", message = "add resolution minutes")
public final class AddResolutionMinutes implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("tickets", "resolution_minutes", INTEGER);
        op.batchedUpdate("tickets",
                "resolution_minutes = " + minutesBetween(op, "created_at", "resolved_at"),
                "resolved_at IS NOT NULL AND resolution_minutes IS NULL",
                1_000);
    }

    /** Whole minutes from {@code start} to {@code end}, in the SQL of the database the revision is recorded for. */
    private static String minutesBetween(Operations op, String start, String end) {
        if (op.dialect().equals("mariadb")) {
            return "TIMESTAMPDIFF(MINUTE, " + start + ", " + end + ")";
        }
        return "CAST((EXTRACT(EPOCH FROM " + end + ") - EXTRACT(EPOCH FROM " + start + ")) / 60 AS INT)";
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("tickets", "resolution_minutes");
    }
}
