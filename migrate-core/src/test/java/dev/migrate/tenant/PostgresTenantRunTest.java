package dev.migrate.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Migrator;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.ColumnType;
import dev.migrate.testing.LambdaMigration;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One history over many schema tenants on PostgreSQL: parallel, isolated failures, re-runs, concurrent runs. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresTenantRunTest {

    private static final List<IndexedRevision> HISTORY = List.of(
            revision("t1", List.of(), op -> op.createTable("customers", t -> {
                t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                t.column("name", ColumnType.varchar(100), c -> c.notNull());
            }), op -> op.dropTable("customers")),
            revision("t2", List.of("t1"), op -> op.createTable("invoices", t -> {
                t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                t.column("customer_id", ColumnType.BIGINT, c -> c.notNull());
                t.foreignKey("customer_id").references("customers", "id");
            }), op -> op.dropTable("invoices")),
            revision("t3", List.of("t2"), op -> op.addColumn("customers", "email", ColumnType.varchar(200)),
                    op -> op.dropColumn("customers", "email")));

    @Test
    void everyTenantIsTriedAFailureStaysInItsTenantAndARerunTouchesOnlyTheTenantsBehind(TestDatabase database)
            throws SQLException {
        List<Tenant> tenants = schemas(database, "acme", 12);
        // One tenant already holds a table the second revision creates: its t2 fails, the others go on.
        execute(database, "CREATE TABLE acme_07.invoices (id int)");
        List<String> lines = new ArrayList<>();
        TenantRun run = new TenantRun(4, false, lines::add);

        TenantReport first = migrator(database).upgradeTenants(tenants, "head", run);

        assertEquals(11, first.count(TenantOutcome.Status.APPLIED), first.summary());
        TenantOutcome failed = first.failures().get(0);
        assertEquals("acme_07", failed.tenant().name());
        assertEquals(List.of("t1"), failed.after(), "the failed tenant stays at its last good revision");
        assertTrue(failed.failure().contains("t2"), failed.failure());
        assertTrue(failed.describe().startsWith("FAILED at t1: "), failed.describe());
        assertEquals("t2", failed.failedAt().revision(), "the failure names its revision");
        assertTrue(failed.failedAt().statement().startsWith("CREATE TABLE"), failed.failedAt().statement());
        assertEquals("42P07", failed.failedAt().sqlState());
        assertEquals(List.of("t1"), failed.revisions().stream().map(dev.migrate.AppliedRevision::id).toList(),
                "the revision committed before the failure is listed");
        TenantOutcome good = first.outcomes().get(0);
        assertEquals(List.of("t1", "t2", "t3"), good.revisions().stream().map(dev.migrate.AppliedRevision::id).toList());
        assertEquals(null, good.failedAt());
        for (Tenant tenant : tenants) {
            if (!tenant.name().equals("acme_07")) {
                assertEquals(List.of("t3"), migrator(database, tenant).current(), tenant.name());
            }
        }

        execute(database, "DROP TABLE acme_07.invoices");
        TenantReport second = migrator(database).upgradeTenants(tenants, "head", run);
        assertEquals(1, second.count(TenantOutcome.Status.APPLIED), second.summary());
        assertEquals(11, second.count(TenantOutcome.Status.UNCHANGED), second.summary());
        assertEquals("acme_07", second.outcomes().stream().filter(o -> o.status() == TenantOutcome.Status.APPLIED)
                .findFirst().orElseThrow().tenant().name());
        assertTrue(second.summary().startsWith("12 tenants: 1 upgraded, 11 already there, 0 failed, 0 not run, in "),
                second.summary());
    }

    @Test
    void failFastStopsStartingTenantsAfterTheFirstFailure(TestDatabase database) throws SQLException {
        List<Tenant> tenants = schemas(database, "ff", 5);
        execute(database, "CREATE TABLE ff_00.customers (id int)");
        TenantReport report = migrator(database).upgradeTenants(tenants, "head", new TenantRun(1, true, line -> { }));
        assertEquals(1, report.count(TenantOutcome.Status.FAILED), report.summary());
        assertEquals(4, report.count(TenantOutcome.Status.NOT_RUN), report.summary());
    }

    @Test
    void twoRunsAtOnceApplyEachRevisionOncePerTenant(TestDatabase database) throws Exception {
        List<Tenant> tenants = schemas(database, "race", 8);
        TenantRun run = new TenantRun(3, false, line -> { });
        CompletableFuture<TenantReport> a = CompletableFuture.supplyAsync(() -> migrator(database).upgradeTenants(tenants, "head", run));
        CompletableFuture<TenantReport> b = CompletableFuture.supplyAsync(() -> migrator(database).upgradeTenants(tenants, "head", run));
        TenantReport one = a.get();
        TenantReport other = b.get();
        assertEquals(0, one.failures().size() + other.failures().size(), one.summary() + " / " + other.summary());
        for (Tenant tenant : tenants) {
            assertEquals(3, count(database, "SELECT count(*) FROM " + tenant.schema()
                    + ".migrate_history WHERE direction = 'up' AND success"), tenant.name());
        }
    }

    @Test
    void currentShowsWhoLags(TestDatabase database) throws SQLException {
        List<Tenant> tenants = schemas(database, "lag", 3);
        migrator(database, tenants.get(1)).upgrade("t1");
        migrator(database, tenants.get(2)).upgrade("head");
        TenantReport report = migrator(database).currentTenants(tenants, new TenantRun(2, false, line -> { }));
        assertEquals(List.of(List.of(), List.of("t1"), List.of("t3")),
                report.outcomes().stream().map(TenantOutcome::after).collect(Collectors.toList()));
    }

    @Test
    void eachWorkerKeepsItsSessionsForTheNextTenantButNotAfterAFailure(TestDatabase database) throws SQLException {
        List<Tenant> tenants = schemas(database, "pool", 6);
        execute(database, "CREATE TABLE pool_03.marker (id int)"); // pool_03's revision fails on it
        List<Integer> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
        List<IndexedRevision> history = List.of(revision("p1", List.of(), op -> {
            op.withConnection(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                    row.next();
                    sessions.add(row.getInt(1));
                }
            });
            op.createTable("marker", t -> t.column("id", ColumnType.INTEGER));
        }, op -> op.dropTable("marker")));
        Migrator migrator = Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .revisions(history).build();

        TenantReport report = migrator.upgradeTenants(tenants, "head", new TenantRun(1, false, line -> { }));

        assertEquals(5, report.count(TenantOutcome.Status.APPLIED), report.summary());
        assertEquals(6, sessions.size(), sessions.toString());
        assertEquals(1, sessions.subList(0, 4).stream().distinct().count(),
                "one worker: the first four tenants ran on one work session " + sessions);
        assertTrue(!sessions.subList(4, 6).contains(sessions.get(3)),
                "the failed tenant's session was closed, not passed to the next tenant " + sessions);
        assertEquals(1, sessions.subList(4, 6).stream().distinct().count(), sessions.toString());
        assertEquals(0, countSettled(database, "SELECT count(*) FROM pg_stat_activity WHERE pid IN ("
                + sessions.stream().map(String::valueOf).distinct().collect(Collectors.joining(",")) + ")"),
                "every kept session is closed when the run ends");
    }

    /**
     * {@code sql}'s count once it reaches 0, or after 5 s: a closed connection's backend leaves
     * pg_stat_activity a moment after the client's close returns (the server ends it asynchronously).
     */
    private static long countSettled(TestDatabase database, String sql) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        long count = count(database, sql);
        while (count != 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            count = count(database, sql);
        }
        return count;
    }

    private static List<Tenant> schemas(TestDatabase database, String prefix, int count) throws SQLException {
        List<Tenant> tenants = IntStream.range(0, count).mapToObj(i -> Tenant.schema(String.format("%s_%02d", prefix, i)))
                .collect(Collectors.toList());
        for (Tenant tenant : tenants) {
            execute(database, "CREATE SCHEMA " + tenant.schema());
        }
        return tenants;
    }

    private static Migrator migrator(TestDatabase database) {
        return Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                .revisions(HISTORY).build();
    }

    private static Migrator migrator(TestDatabase database, Tenant tenant) {
        return migrator(database).forTenant(tenant);
    }

    private static IndexedRevision revision(String id, List<String> parents, java.util.function.Consumer<dev.migrate.Operations> up,
            java.util.function.Consumer<dev.migrate.Operations> down) {
        return new IndexedRevision(new RevisionDescriptor(id, parents, List.of(), List.of(), "rev " + id,
                "com.example.Rev_" + id), () -> new LambdaMigration(up, down));
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
