package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;
import dev.migrate.ops.ColumnType;

@Revision(id = "51c0a2e7b913", message = "create app_user")
public final class CreateAppUser implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("app_user", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
            t.column("name", ColumnType.varchar(100), c -> c.notNull());
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("app_user");
    }
}
