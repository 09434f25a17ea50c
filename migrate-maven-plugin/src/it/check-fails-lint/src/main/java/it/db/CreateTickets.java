package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ColumnType;

@Revision(id = "1a2b3c4d5e6f", message = "create tickets")
public final class CreateTickets implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("tickets", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
            t.column("title", ColumnType.TEXT);
            t.column("note", ColumnType.TEXT);
            t.column("priority", ColumnType.BIGINT);
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("tickets");
    }
}
