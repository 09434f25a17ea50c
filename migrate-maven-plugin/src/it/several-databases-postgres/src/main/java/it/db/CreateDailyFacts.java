package it.db;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/** create daily_facts (analytics) */
@Revision(id = "a1b2c3d4e5f6", database = "analytics", message = "create daily_facts")
public final class CreateDailyFacts implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE daily_facts (day DATE PRIMARY KEY, tickets INT NOT NULL)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE daily_facts");
    }
}
