package com.example.supportdesk.db;

import static dev.migrate.ops.ColumnType.BIGINT;
import static dev.migrate.ops.ColumnType.TIMESTAMP;
import static dev.migrate.ops.ColumnType.varchar;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** Customers and agents share one table; {@code role} tells them apart. */
@Revision(id = "4c1a9e2b7d30", message = "create users")
public final class CreateUsers implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("users", t -> t
                .column("id", BIGINT, c -> c.identity().primaryKey())
                .column("email", varchar(254), c -> c.notNull())
                .column("display_name", varchar(100), c -> c.notNull())
                .column("role", varchar(20), c -> c.notNull().defaultValue("customer"))
                .column("created_at", TIMESTAMP, c -> c.notNull().defaultSql("CURRENT_TIMESTAMP"))
                .uniqueNamed("uq_users_email", "email"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("users");
    }
}
