package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/**
 * create app_user. The last two steps "edit" it after every tenant applied it by setting the system
 * property it.edited, which changes the SQL it renders.
 */
@Revision(id = "1975ea83b712", message = "create app_user")
public final class CreateAppUser implements Migration {

    @Override
    public void upgrade(Operations op) {
        String name = Boolean.getBoolean("it.edited") ? "VARCHAR(300)" : "VARCHAR(100)";
        op.execute("CREATE TABLE app_user (id INT PRIMARY KEY, name " + name + " NOT NULL)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE app_user");
    }
}
