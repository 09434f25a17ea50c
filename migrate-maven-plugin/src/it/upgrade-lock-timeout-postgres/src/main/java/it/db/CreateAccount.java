package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

@Revision(id = "0a1b2c3d4e5f", message = "create account")
public final class CreateAccount implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE account (id INT PRIMARY KEY)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE account");
    }
}
