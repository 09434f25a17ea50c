package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.engine.BookkeepingTables;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A support-desk schema taken through its life on PostgreSQL with typed operations. Each test
 * works in its own schema ({@code migrate.schema}), which also puts the revisions' tables there.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresScenariosTest {

    private static final String TO_TEXT = "\"status\" = CASE \"status_code\" WHEN 1 THEN 'open' WHEN 2 THEN 'pending'"
            + " ELSE 'closed' END";
    private static final String TO_CODE = "\"status_code\" = CASE \"status\" WHEN 'open' THEN 1 WHEN 'pending' THEN 2"
            + " ELSE 3 END";

    static RevisionList ticketing() {
        return new RevisionList()
                .add("t1", "", op -> op.createTable("customer", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("email", ColumnType.varchar(200), c -> c.notNull().unique())
                        .column("created_at", ColumnType.TIMESTAMPTZ, c -> c.notNull().defaultSql("CURRENT_TIMESTAMP"))),
                        op -> op.dropTable("customer"))
                .add("t2", "t1", op -> {
                    op.createTable("ticket", t -> {
                        t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                                .column("customer_id", ColumnType.BIGINT, c -> c.notNull())
                                .column("title", ColumnType.varchar(200), c -> c.notNull())
                                .column("status_code", ColumnType.INTEGER, c -> c.notNull().defaultValue(1));
                        t.foreignKey("customer_id").references("customer", "id").onDelete(ReferentialAction.CASCADE);
                    });
                    op.createIndex("ticket_customer", "ticket", List.of("customer_id"), i -> i.concurrently());
                }, op -> op.dropTable("ticket"))
                .add("t3", "t2", op -> op.createTable("comment", t -> {
                    t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                            .column("ticket_id", ColumnType.BIGINT, c -> c.notNull())
                            .column("body", ColumnType.TEXT, c -> c.notNull());
                    t.foreignKey("ticket_id").references("ticket", "id");
                }), op -> op.dropTable("comment"))
                .add("t4", "t3", op -> {
                    // The status becomes readable text: add nullable, map old to new in batches, then NOT NULL.
                    op.addColumn("ticket", "status", ColumnType.TEXT);
                    op.batchedUpdate("ticket", TO_TEXT, "\"status\" IS NULL", 2);
                    op.alterColumn("ticket", "status", c -> c.notNull());
                    op.dropColumn("ticket", "status_code");
                }, op -> {
                    op.addColumn("ticket", "status_code", ColumnType.INTEGER);
                    op.batchedUpdate("ticket", TO_CODE, "\"status_code\" IS NULL", 2);
                    op.alterColumn("ticket", "status_code", c -> c.notNull());
                    op.dropColumn("ticket", "status");
                });
    }

    private Migrator migrator(TestDatabase database, String schema) {
        return Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .schema(schema).revisions(ticketing().all()).build();
    }

    @Test
    void statusColumnIsConvertedByADataMigrationAndBack(TestDatabase database) throws SQLException {
        Migrator migrator = migrator(database, "status_demo");
        migrator.upgrade("t3");
        execute(database, "INSERT INTO status_demo.customer (email) VALUES ('a@example.com')",
                "INSERT INTO status_demo.ticket (customer_id, title, status_code) SELECT c.id, 'T' || s, s"
                        + " FROM status_demo.customer c, generate_series(1, 3) s");

        migrator.upgrade("head");
        assertEquals(List.of("closed", "open", "pending"), database.strings("SELECT status FROM status_demo.ticket ORDER BY 1"));
        assertEquals(Map.of("status", false), nullability(database, "status_demo", "ticket", "status", "status_code"));

        migrator.downgrade("-1");
        assertEquals(List.of("1", "2", "3"), database.strings("SELECT status_code FROM status_demo.ticket ORDER BY 1"));
        assertEquals(Map.of("status_code", false), nullability(database, "status_demo", "ticket", "status", "status_code"));
        assertEquals(List.of("t3"), migrator.current());
    }

    @Test
    void upgradeDowngradeBaseAndUpgradeAgainLeaveTheSameSchema(TestDatabase database) throws SQLException {
        Migrator migrator = migrator(database, "round_trip");
        migrator.upgrade("head");
        SchemaSnapshot first = snapshot(database, "round_trip");
        assertTrue(first.table("ticket").map(t -> t.indexes().stream().anyMatch(i -> i.name().equals("ticket_customer")))
                .orElse(false), first.toString());

        migrator.downgrade("base");
        assertEquals(SchemaSnapshot.empty(), snapshot(database, "round_trip"), "only migrate's own tables remain");
        assertEquals(List.of(), migrator.current());

        migrator.upgrade("head");
        assertEquals(List.of(), first.diff(snapshot(database, "round_trip")).lines());
        assertEquals(first, snapshot(database, "round_trip"));
    }

    /** The schema through core's own introspection, without migrate's bookkeeping tables. */
    private static SchemaSnapshot snapshot(TestDatabase database, String schema) throws SQLException {
        BookkeepingTables own = BookkeepingTables.of(schema, null);
        try (Connection connection = database.connect()) {
            return SchemaIntrospector.forConnection(connection).snapshot(connection, schema)
                    .withoutTables(List.of(own.version(), own.history(), own.lock(), own.progress()));
        }
    }

    @Test
    void twoMigratorsRacingApplyEachRevisionOnce(TestDatabase database) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RunResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Migrator migrator = migrator(database, "race");
                results.add(pool.submit(() -> {
                    start.await();
                    return migrator.upgrade("head");
                }));
            }
            start.countDown();
            List<Integer> applied = new ArrayList<>();
            for (Future<RunResult> result : results) {
                applied.add(result.get().applied().size());
            }
            applied.sort(null);
            assertEquals(List.of(0, 4), applied, "one run applies everything, the one that waited finds nothing left");
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> runs = migrator(database, "race").history().stream()
                .collect(Collectors.groupingBy(HistoryEntry::revision, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("t1", 1L, "t2", 1L, "t3", 1L, "t4", 1L), runs);
    }

    private static void execute(TestDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Which of {@code columns} exist, and whether each is nullable. */
    private static Map<String, Boolean> nullability(TestDatabase database, String schema, String table, String... columns)
            throws SQLException {
        Map<String, Boolean> found = new TreeMap<>();
        try (Connection connection = database.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String column : columns) {
                try (ResultSet rows = meta.getColumns(null, schema, table, column)) {
                    if (rows.next()) {
                        found.put(column, rows.getInt("NULLABLE") == DatabaseMetaData.columnNullable);
                    }
                }
            }
        }
        assertFalse(found.isEmpty());
        return found;
    }
}
