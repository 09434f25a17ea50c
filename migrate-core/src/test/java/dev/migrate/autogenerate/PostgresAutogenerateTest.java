package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.TableConstraint;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class PostgresAutogenerateTest extends AutogenerateContract {

    @Override
    protected List<String> schemaNames(TestDatabase database) throws SQLException {
        return database.strings("SELECT nspname FROM pg_namespace");
    }

    @Override
    protected boolean onlineForms() {
        return true;
    }

    /**
     * A foreign key or check added NOT VALID (the safe form on a table with rows) is the constraint the
     * model asks for, and {@code timestamp(6)} (Hibernate's spelling) is PostgreSQL's default
     * {@code timestamp}: neither is a change.
     */
    @Test
    void notValidConstraintsAndTimestampOfSixDigitsAreNoChange(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(agents(), withOpenedAt(tickets(true), ColumnType.TIMESTAMP),
                new AddConstraint(QualifiedName.of(null, "tickets"), new TableConstraint.Check("ck_tickets_title",
                        "title <> ''"), true),
                AddConstraint.foreignKey("fk_tickets_assignee", "tickets", List.of("assignee_id"), "agents", List.of("id"),
                        a -> a.onDelete(ReferentialAction.SET_NULL).notValid()));
        List<Operation> model = List.of(agents(), withOpenedAt(tickets(true), ColumnType.sql("timestamp(6)")),
                new AddConstraint(QualifiedName.of(null, "tickets"), new TableConstraint.Check("ck_tickets_title",
                        "title <> ''")),
                assigneeKey());
        Scenario scenario = new Scenario(database, base);
        assertEquals(List.of(), describe(scenario.autogenerate(model, AutogenerateOptions.defaults())));
    }

    private static CreateTable withOpenedAt(CreateTable table, ColumnType type) {
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(new Column("opened_at", type, true, null, false, null));
        return new CreateTable(table.table(), columns, table.constraints(), table.comment());
    }
}
