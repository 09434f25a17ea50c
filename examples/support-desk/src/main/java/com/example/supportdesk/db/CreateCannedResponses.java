package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.BIGINT;
import static dev.migrate.ops.ColumnType.TIMESTAMP;
import static dev.migrate.ops.ColumnType.varchar;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ReferentialAction;

/** Canned responses agents insert into replies; they outlive the agent who wrote them. */
@Revision(id = "f5b8c0d24e67", revises = "e4a7b9c13d56", message = "create canned responses")
public final class CreateCannedResponses implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("canned_responses", t -> {
            t.column("id", BIGINT, c -> c.identity().primaryKey())
                    .column("title", varchar(100), c -> c.notNull())
                    .column("body", varchar(4000), c -> c.notNull())
                    .column("created_by", BIGINT)
                    .column("created_at", TIMESTAMP, c -> c.notNull().defaultSql("CURRENT_TIMESTAMP"))
                    .uniqueNamed("uq_canned_responses_title", "title");
            t.foreignKey("created_by").references("users", "id").onDelete(ReferentialAction.SET_NULL)
                    .name("fk_canned_responses_author");
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("canned_responses");
    }
}
