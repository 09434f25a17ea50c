package dev.migrate.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.AppliedRevision;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.ColumnType;
import dev.migrate.testing.LambdaMigration;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenants on MariaDB, where a schema is a database and DDL commits implicitly: a tenant whose
 * revision fails halfway keeps the statements before the failure, the others reach head, and the
 * run after the fix resumes the failed tenants where each stopped.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbTenantRunTest {

    private static final List<IndexedRevision> HISTORY = List.of(
            revision("m1", List.of(), op -> op.createTable("customers", t -> {
                t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                t.column("name", ColumnType.varchar(100), c -> c.notNull());
            }), op -> op.dropTable("customers")),
            // Three statements, each committing on its own: in a tenant that already has invoices the
            // second fails after the first took effect.
            revision("m2", List.of("m1"), op -> {
                op.createTable("orders", t -> t.column("id", ColumnType.BIGINT, c -> c.primaryKey()));
                op.createTable("invoices", t -> t.column("id", ColumnType.BIGINT, c -> c.primaryKey()));
                op.addColumn("customers", "email", ColumnType.varchar(200));
            }, op -> {
                op.dropColumn("customers", "email");
                op.dropTable("invoices");
                op.dropTable("orders");
            }),
            revision("m3", List.of("m2"), op -> op.createIndex("ix_customers_email", "customers", "email"),
                    op -> op.dropIndex("ix_customers_email", "customers")));

    @Test
    void theSecondAndFourthTenantsFailHalfwayTheOthersReachHeadAndTheRerunFinishesOnlyTheFailedOnes(TestDatabase database)
            throws SQLException {
        // Three schema tenants (MariaDB databases on the configured server) and one database of its own by URL.
        List<String> names = List.of(sibling(database, "t1"), sibling(database, "t2"), sibling(database, "t3"),
                sibling(database, "t4"));
        for (String name : names) {
            execute(database, "CREATE DATABASE `" + name + "`");
        }
        String fourthUrl = urlOf(database, names.get(3));
        List<Tenant> tenants = Tenant.parse(names.get(0) + "," + names.get(1) + "," + names.get(2) + "," + fourthUrl);
        execute(database, "CREATE TABLE `" + names.get(1) + "`.`invoices` (`id` INT)");
        execute(database, "CREATE TABLE `" + names.get(3) + "`.`invoices` (`id` INT)");
        List<String> progressLines = new ArrayList<>();

        TenantReport first = migrator(database).upgradeTenants(tenants, "head", new TenantRun(2, false, progressLines::add));

        assertTrue(first.summary().startsWith("4 tenants: 2 upgraded, 0 already there, 2 failed, 0 not run, in "),
                first.summary());
        assertEquals(List.of(tenants.get(1), tenants.get(3)), first.failures().stream().map(TenantOutcome::tenant).toList());
        for (TenantOutcome failed : first.failures()) {
            String name = failed.tenant().name();
            assertEquals(List.of("m1"), failed.after(), name + " stays at its last committed revision");
            assertEquals(List.of("m1"), failed.revisions().stream().map(AppliedRevision::id).toList(), name);
            assertEquals("m2", failed.failedAt().revision(), name);
            assertTrue(failed.failedAt().statement().startsWith("CREATE TABLE ")
                    && failed.failedAt().statement().contains("`invoices` ("), failed.failedAt().statement());
            assertEquals("42S01", failed.failedAt().sqlState(), name);
            String line = failed.describe();
            assertTrue(line.startsWith("FAILED at m1: Revision 'm2' (com.example.Rev_m2) failed during upgrade: "), line);
            assertTrue(line.contains("Table 'invoices' already exists\n"), line);
            assertTrue(line.matches("(?s).*\n  applied:     1\\. CREATE TABLE (`[a-z0-9_]+`\\.)?`orders` \\(.*"), line);
            assertTrue(line.matches("(?s).*\n  not applied: 2\\. CREATE TABLE (`[a-z0-9_]+`\\.)?`invoices` \\(.*"), line);
            assertTrue(line.endsWith("and run upgrade again: it resumes at statement 2."), line);
            assertFalse(line.contains("\tat "), line);
        }
        assertFalse(first.failures().get(1).failure().contains("password"), "the URL tenant's message is masked");
        for (int good : new int[] {0, 2}) {
            TenantOutcome outcome = first.outcomes().get(good);
            assertEquals(TenantOutcome.Status.APPLIED, outcome.status(), outcome.describe());
            assertEquals(List.of("m3"), outcome.after());
            assertNull(outcome.failedAt());
        }
        assertEquals(List.of("orders"), tables(database, names.get(1), "orders"), "the first statement of m2 stays");

        // The fix: the tables that were in the way are gone. The re-run touches only the failed tenants,
        // resuming m2 after the statement each had committed.
        execute(database, "DROP TABLE `" + names.get(1) + "`.`invoices`");
        execute(database, "DROP TABLE `" + names.get(3) + "`.`invoices`");
        TenantReport second = migrator(database).upgradeTenants(tenants, "head", new TenantRun(2, false, progressLines::add));

        assertTrue(second.summary().startsWith("4 tenants: 2 upgraded, 2 already there, 0 failed, 0 not run, in "),
                second.summary());
        assertEquals(List.of(TenantOutcome.Status.UNCHANGED, TenantOutcome.Status.APPLIED, TenantOutcome.Status.UNCHANGED,
                TenantOutcome.Status.APPLIED), second.outcomes().stream().map(TenantOutcome::status).toList());
        for (int fixed : new int[] {1, 3}) {
            TenantOutcome outcome = second.outcomes().get(fixed);
            assertEquals(List.of("m1"), outcome.before());
            assertEquals(List.of("m2", "m3"), outcome.revisions().stream().map(AppliedRevision::id).toList());
        }
        for (String name : names) {
            assertEquals(List.of("m3"), strings(database, "SELECT `version_num` FROM `" + name + "`.`migrate_version`"), name);
            assertEquals(List.of(), strings(database, "SELECT `revision` FROM `" + name + "`.`migrate_progress`"), name);
            assertEquals(List.of("email"), strings(database, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = '" + name + "' AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'email'"), name);
        }
        assertEquals(List.of("m1:1", "m2:0", "m2:1", "m3:1"), strings(database, "SELECT CONCAT(`revision`, ':', `success`)"
                + " FROM `" + names.get(1) + "`.`migrate_history` ORDER BY `id`"));
    }

    /**
     * Two runs over the same tenants at once (two deployments, two CI jobs): each tenant's lock keeps them
     * apart, whatever database the worker's reused connections were last switched to for another tenant.
     */
    @Test
    void twoRunsAtOnceApplyEachRevisionOncePerTenant(TestDatabase database) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add(sibling(database, "race" + i));
            execute(database, "CREATE DATABASE `" + names.get(i) + "`");
        }
        List<Tenant> tenants = Tenant.parse(String.join(",", names));
        TenantRun run = new TenantRun(3, false, line -> { });
        java.util.concurrent.CompletableFuture<TenantReport> a = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> migrator(database).upgradeTenants(tenants, "head", run));
        java.util.concurrent.CompletableFuture<TenantReport> b = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> migrator(database).upgradeTenants(tenants, "head", run));
        TenantReport one = a.get();
        TenantReport other = b.get();

        assertEquals(List.of(), one.failures().stream().map(TenantOutcome::describe).toList(), one.summary());
        assertEquals(List.of(), other.failures().stream().map(TenantOutcome::describe).toList(), other.summary());
        for (String name : names) {
            assertEquals(List.of("m1:1", "m2:1", "m3:1"), strings(database, "SELECT CONCAT(`revision`, ':', COUNT(*)) FROM `"
                    + name + "`.`migrate_history` WHERE `direction` = 'up' AND `success` GROUP BY `revision` ORDER BY 1"),
                    name);
        }
    }

    // ---- helpers ----

    private static String sibling(TestDatabase database, String suffix) {
        return MariaDbDatabaseExtension.siblingName(database, suffix);
    }

    /** {@code database}'s plain URL with another database name. */
    private static String urlOf(TestDatabase database, String name) {
        String url = MariaDbDatabaseExtension.plainUrl(database);
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    private static Migrator migrator(TestDatabase database) {
        return Migrator.builder().url(MariaDbDatabaseExtension.plainUrl(database)).revisions(HISTORY).build();
    }

    private static List<String> tables(TestDatabase database, String schema, String name) {
        return strings(database, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + schema
                + "' AND TABLE_NAME = '" + name + "'");
    }

    private static IndexedRevision revision(String id, List<String> parents, java.util.function.Consumer<dev.migrate.Operations> up,
            java.util.function.Consumer<dev.migrate.Operations> down) {
        return new IndexedRevision(new RevisionDescriptor(id, parents, List.of(), List.of(), "rev " + id,
                "com.example.Rev_" + id), () -> new LambdaMigration(up, down));
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> strings(TestDatabase database, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(MariaDbDatabaseExtension.plainUrl(database));
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
