package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** create app_user */
@Revision(id = "1975ea83b712", message = "create app_user")
public final class CreateAppUser implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE app_user (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE app_user");
    }
}
