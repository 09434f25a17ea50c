package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.BIGINT;
import static dev.migrate.ops.ColumnType.SMALLINT;
import static dev.migrate.ops.ColumnType.TIMESTAMP;
import static dev.migrate.ops.ColumnType.varchar;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ReferentialAction;

/** One survey per ticket, rated 1 to 5, sent when the ticket is resolved. */
@Revision(id = "b1d4e6f80a23", revises = "a93c1d7e2f45", message = "create satisfaction surveys")
public final class CreateSatisfactionSurveys implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("satisfaction_surveys", t -> {
            t.column("id", BIGINT, c -> c.identity().primaryKey())
                    .column("ticket_id", BIGINT, c -> c.notNull())
                    .column("rating", SMALLINT, c -> c.notNull())
                    .column("feedback", varchar(2000))
                    .column("submitted_at", TIMESTAMP, c -> c.notNull().defaultSql("CURRENT_TIMESTAMP"))
                    .uniqueNamed("uq_surveys_ticket", "ticket_id")
                    .check("ck_surveys_rating", "rating BETWEEN 1 AND 5");
            t.foreignKey("ticket_id").references("tickets", "id").onDelete(ReferentialAction.CASCADE)
                    .name("fk_surveys_ticket");
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("satisfaction_surveys");
    }
}
