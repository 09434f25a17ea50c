package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.AllowUnsafe;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ColumnType;

@Revision(id = "2b3c4d5e6f70", revises = "1a2b3c4d5e6f", message = "drop ticket note")
@AllowUnsafe(value = "MG108", reason = "no release since 2.3 reads tickets.note")
public final class DropTicketNote implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.dropColumn("tickets", "note");
    }

    @Override
    public void downgrade(Operations op) {
        op.addColumn("tickets", "note", ColumnType.TEXT);
    }
}
