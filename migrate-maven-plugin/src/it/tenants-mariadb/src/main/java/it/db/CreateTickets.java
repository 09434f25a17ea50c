package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ColumnType;

/**
 * Three statements, each committing on its own on MariaDB: in the tenants that already hold a table
 * {@code ticket} the second fails after the first took effect.
 */
@Revision(id = "7d2e94f0a6b1", revises = "51c0a2e7b913", message = "create tickets")
public final class CreateTickets implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("ticket_tag", t -> t.column("ticket_id", ColumnType.BIGINT, c -> c.notNull()));
        op.createTable("ticket", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
            t.column("title", ColumnType.varchar(200), c -> c.notNull());
        });
        op.createIndex("ticket_tag_ix", "ticket_tag", "ticket_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("ticket");
        op.dropTable("ticket_tag");
    }
}
