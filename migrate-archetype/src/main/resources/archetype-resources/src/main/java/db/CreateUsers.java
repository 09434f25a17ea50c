#set( $symbol_pound = '#' )
#set( $symbol_dollar = '$' )
#set( $symbol_escape = '\' )
package ${package}.db;

import static dev.migrate.ops.ColumnType.BIGINT;
import static dev.migrate.ops.ColumnType.TIMESTAMP;
import static dev.migrate.ops.ColumnType.varchar;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.annotation.Revision;

/**
 * The first revision: a users table. Write the next one with
 * {@code mvn compile migrate:revision -Dmigrate.message="add user locale"}.
 */
@Revision(id = "0a5e1d2c3b4f", message = "create users")
public final class CreateUsers implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createTable("users", t -> t
                .column("id", BIGINT, c -> c.identity().primaryKey())
                .column("email", varchar(254), c -> c.notNull())
                .column("display_name", varchar(100), c -> c.notNull())
                .column("created_at", TIMESTAMP, c -> c.notNull().defaultSql("CURRENT_TIMESTAMP"))
                .uniqueNamed("uq_users_email", "email"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("users");
    }
}
