package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.Operations;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Snapshots read from a real database; each test works in its own schema. */
abstract class SchemaSnapshotContract {

    abstract Dialect dialect();

    /** The lines {@link #upgradeShowsInTheDiffAndDowngradeRestoresTheSnapshot} expects. */
    abstract List<String> expectedUpgradeDiff();

    /** How the snapshot describes the ticket table's columns, in order. */
    abstract List<String> expectedTicketColumns();

    private void run(TestDatabase database, String schema, Consumer<Operations> migration) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + dialect().quote(schema));
            for (var operation : RenderedSql.record(migration)) {
                for (SqlStatement sql : dialect().render(operation, schema)) {
                    OperationExecutionContract.execute(connection, sql);
                }
            }
        }
    }

    private SchemaSnapshot snapshot(TestDatabase database, String schema) throws SQLException {
        try (Connection connection = database.connect()) {
            return SchemaSnapshot.read(connection, schema);
        }
    }

    static void createTickets(Operations op) {
        op.createTable("app_user", t -> t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey()));
        op.createTable("ticket", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
            t.column("title", ColumnType.varchar(200), c -> c.notNull());
            t.column("price", ColumnType.numeric(10, 2), c -> c.defaultValue(0));
            t.column("assignee_id", ColumnType.BIGINT);
            t.unique("title");
            t.check("ticket_price_positive", "\"price\" >= 0");
            t.foreignKey("assignee_id").references("app_user", "id").onDelete(ReferentialAction.CASCADE);
        });
        op.createIndex("ix_ticket_assignee", "ticket", "assignee_id", "title");
    }

    @Test
    void snapshotDescribesTablesColumnsConstraintsAndIndexes(TestDatabase database) throws SQLException {
        run(database, "snap_read", SchemaSnapshotContract::createTickets);
        SchemaSnapshot snapshot = snapshot(database, "snap_read");
        assertEquals(Set.of("app_user", "ticket"), snapshot.tables().keySet());
        TableSnapshot ticket = snapshot.table("ticket");
        assertEquals(expectedTicketColumns(), ticket.columns().values().stream().map(c -> c.name() + " " + c.describe()).toList());
        assertEquals(Set.of("ticket_pkey", "ticket_title_key", "ticket_price_positive", "ticket_assignee_id_fkey"),
                ticket.constraints().keySet());
        assertEquals("FOREIGN KEY (assignee_id) -> snap_read.app_user (id) ON DELETE CASCADE ON UPDATE "
                + (dialect() instanceof H2Dialect ? "RESTRICT" : "NO ACTION"),
                ticket.constraints().get("ticket_assignee_id_fkey").describe());
        assertEquals("UNIQUE (title)", ticket.constraints().get("ticket_title_key").describe());
        assertEquals("PRIMARY KEY (id)", ticket.constraints().get("ticket_pkey").describe());
        assertEquals(List.of("ix_ticket_assignee"), List.copyOf(ticket.indexes().keySet()));
        assertEquals("(assignee_id, title)", ticket.indexes().get("ix_ticket_assignee").describe());
        assertEquals(snapshot, snapshot(database, "snap_read"));
    }

    @Test
    void upgradeShowsInTheDiffAndDowngradeRestoresTheSnapshot(TestDatabase database) throws SQLException {
        run(database, "snap_trip", SchemaSnapshotContract::createTickets);
        SchemaSnapshot before = snapshot(database, "snap_trip");
        run(database, "snap_trip", op -> {
            op.addColumn("ticket", "note", ColumnType.varchar(10), c -> c.notNull().defaultValue("n"));
            op.alterColumn("ticket", "title", c -> c.nullable());
            op.createIndex("ix_ticket_price", "ticket", List.of("price"), ix -> ix.unique());
            op.dropConstraint("ticket_price_positive", "ticket");
            op.createTable("tag", t -> t.column("name", ColumnType.TEXT));
        });
        SchemaSnapshot after = snapshot(database, "snap_trip");
        assertEquals(expectedUpgradeDiff(), before.diff(after));
        run(database, "snap_trip", op -> {
            op.dropTable("tag");
            op.addCheck("ticket_price_positive", "ticket", "\"price\" >= 0");
            op.dropIndex("ix_ticket_price", "ticket");
            op.alterColumn("ticket", "title", c -> c.notNull());
            op.dropColumn("ticket", "note");
        });
        SchemaSnapshot restored = snapshot(database, "snap_trip");
        assertEquals(List.of(), before.diff(restored));
        assertEquals(before, restored);
        assertEquals(before.without("ticket"), restored.without("ticket"));
        assertEquals(Set.of("app_user"), restored.without("ticket").tables().keySet());
    }
}
