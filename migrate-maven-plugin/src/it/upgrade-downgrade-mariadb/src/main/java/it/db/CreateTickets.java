package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ColumnType;

/**
 * Four statements, the third broken until the build passes {@code -Dit.fixed=true}: the test's stand-in
 * for a user fixing a typo in the revision and running upgrade again.
 */
@Revision(id = "7d2e94f0a6b1", revises = "51c0a2e7b913", message = "create tickets")
public final class CreateTickets implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("ticket", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
            t.column("title", ColumnType.varchar(200), c -> c.notNull());
            t.column("user_id", ColumnType.BIGINT);
        });
        op.createIndex("ticket_user_ix", "ticket", "user_id");
        op.execute(Boolean.getBoolean("it.fixed")
                ? "ALTER TABLE ticket ADD COLUMN priority INT"
                : "ALTER TABLE tikcet ADD COLUMN priority INT");
        op.createTable("ticket_tag", t -> t.column("ticket_id", ColumnType.BIGINT, c -> c.notNull()));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("ticket_tag");
        op.dropTable("ticket");
    }
}
