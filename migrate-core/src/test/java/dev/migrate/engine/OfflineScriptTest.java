package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.graph.VersionChange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline scripts from hand-written plans: exact text, no database. */
class OfflineScriptTest {

    private final TestRevisions revisions = new TestRevisions()
            .add("a1", null, op -> op.execute("CREATE TABLE \"ticket\" (\"id\" BIGINT PRIMARY KEY, \"status\" TEXT)"),
                    op -> op.execute("DROP TABLE \"ticket\""))
            .add("b2", "a1", op -> {
                op.execute("INSERT INTO \"ticket\" VALUES (?, ?)", 1, "it's open");
                op.batchedUpdate("ticket", "\"status\" = 'open'", "\"status\" IS NULL", 100);
            }, op -> op.execute("DELETE FROM \"ticket\" WHERE \"id\" = ?", 1))
            .add("w3", "b2", op -> op.withConnection(c -> { }), op -> { })
            .add("i4", "b2", op -> {
                op.execute("UPDATE \"ticket\" SET \"status\" = 'x'");
                op.createIndex("ticket_status", "ticket", List.of("status"), index -> index.concurrently());
            }, op -> { });

    private OfflineScript script(String schema, Duration ddlLockTimeout) {
        return new OfflineScript(new PostgresDialect(), new EngineSettings(BookkeepingTables.of(schema, null), null,
                ddlLockTimeout, null), revisions.lookup());
    }

    @Test
    void upgradeFromBase() {
        assertEquals("BEGIN;\n\n"
                + "CREATE TABLE IF NOT EXISTS \"migrate_version\" (\"version_num\" VARCHAR(255) NOT NULL,"
                + " CONSTRAINT \"migrate_version_pkc\" PRIMARY KEY (\"version_num\"));\n\n"
                + "COMMIT;\n\n"
                + "-- Running upgrade  -> a1, create a1\n\n"
                + "BEGIN;\n\n"
                + "CREATE TABLE \"ticket\" (\"id\" BIGINT PRIMARY KEY, \"status\" TEXT);\n\n"
                + "INSERT INTO \"migrate_version\" (\"version_num\") VALUES ('a1');\n\n"
                + "COMMIT;\n\n"
                + "-- Running upgrade a1 -> b2, create b2\n\n"
                + "BEGIN;\n\n"
                + "INSERT INTO \"ticket\" VALUES (1, 'it''s open');\n\n"
                + "UPDATE \"ticket\" SET \"status\" = 'open' WHERE \"status\" IS NULL;\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'b2' WHERE \"version_num\" = 'a1';\n\n"
                + "COMMIT;\n\n", script(null, null).plan(revisions.up(null, "a1", "b2"), true));
    }

    @Test
    void downgradeWithSchemaAndDdlLockTimeout() {
        assertEquals("-- Running downgrade b2 -> a1, create b2\n\n"
                + "BEGIN;\n\n"
                + "SET LOCAL lock_timeout = '3000ms';\n\n"
                + "DELETE FROM \"ticket\" WHERE \"id\" = 1;\n\n"
                + "UPDATE \"app\".\"migrate_version\" SET \"version_num\" = 'a1' WHERE \"version_num\" = 'b2';\n\n"
                + "COMMIT;\n\n"
                + "-- Running downgrade a1 -> , create a1\n\n"
                + "BEGIN;\n\n"
                + "SET LOCAL lock_timeout = '3000ms';\n\n"
                + "DROP TABLE \"ticket\";\n\n"
                + "DELETE FROM \"app\".\"migrate_version\" WHERE \"version_num\" = 'a1';\n\n"
                + "COMMIT;\n\n", script("app", Duration.ofSeconds(3)).plan(revisions.down("b2", "a1"), false));
    }

    @Test
    void stampFromBaseCreatesSchemaAndTable() {
        assertEquals("BEGIN;\n\n"
                + "CREATE SCHEMA IF NOT EXISTS \"app\";\n\n"
                + "CREATE TABLE IF NOT EXISTS \"app\".\"migrate_version\" (\"version_num\" VARCHAR(255) NOT NULL,"
                + " CONSTRAINT \"migrate_version_pkc\" PRIMARY KEY (\"version_num\"));\n\n"
                + "COMMIT;\n\n"
                + "BEGIN;\n\n"
                + "INSERT INTO \"app\".\"migrate_version\" (\"version_num\") VALUES ('b2');\n\n"
                + "COMMIT;\n\n", script("app", null).stamp(new VersionChange(List.of(), List.of("b2")), true));
    }

    @Test
    void withConnectionCannotGoOffline() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> script(null, null).plan(revisions.up("b2", "w3"), false));
        assertEquals("Revision 'w3' (com.example.Rev_w3) uses withConnection, which runs Java code on a live connection and"
                + " cannot go into an offline script (migrate.sql). Run it online, or use op.execute(sql) instead.", e.getMessage());
    }

    @Test
    void concurrentIndexLeavesTheTransactionOfflineToo() {
        assertEquals("-- Running upgrade b2 -> i4, create i4\n\n"
                + "BEGIN;\n\n"
                + "UPDATE \"ticket\" SET \"status\" = 'x';\n\n"
                + "COMMIT;\n\n"
                + "CREATE INDEX CONCURRENTLY \"ticket_status\" ON \"ticket\" (\"status\");\n\n"
                + "BEGIN;\n\n"
                + "UPDATE \"migrate_version\" SET \"version_num\" = 'i4' WHERE \"version_num\" = 'b2';\n\n"
                + "COMMIT;\n\n", script(null, null).plan(revisions.up("b2", "i4"), false));
    }
}
