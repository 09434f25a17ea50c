package dev.migrate.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.ColumnType;
import dev.migrate.testing.LambdaMigration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tenants on H2, where each revision is rendered once per run and the tenant's schema swapped in:
 * every tenant gets its own tables, and its history's checksums are those of rendering for its
 * schema directly (so check finds no changed revision). One tenant at a time: H2 serializes DDL on
 * its system table, so tenants running at once time out on its lock.
 */
class H2TenantRunTest {

    private static final AtomicInteger CREATED = new AtomicInteger();

    private static final List<IndexedRevision> HISTORY = List.of(
            revision("h1", List.of(), op -> {
                CREATED.incrementAndGet();
                op.createTable("customers", t -> {
                    t.column("id", ColumnType.BIGINT, c -> c.primaryKey());
                    t.column("name", ColumnType.varchar(100), c -> c.notNull());
                });
            }, op -> op.dropTable("customers")),
            revision("h2", List.of("h1"), op -> {
                CREATED.incrementAndGet();
                op.addColumn("customers", "email", ColumnType.varchar(200));
                op.createIndex("ix_customers_email", "customers", "email");
            }, op -> op.dropColumn("customers", "email")));

    /** Several heads fail every tenant alike, so the run says it once and touches no tenant. */
    @Test
    void aTargetNoTenantCanReachFailsOnceBeforeAnyTenantRuns() {
        List<IndexedRevision> twoHeads = List.of(HISTORY.get(0), HISTORY.get(1),
                revision("h2b", List.of("h1"), op -> op.addColumn("customers", "phone", ColumnType.varchar(20)),
                        op -> op.dropColumn("customers", "phone")));
        String url = "jdbc:h2:mem:tenant_heads_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        Migrator migrator = Migrator.builder().url(url).revisions(twoHeads).build();
        String alone = assertThrows(MigrateException.class, () -> migrator.upgrade("head")).getMessage();
        int created = CREATED.get();

        MigrateException once = assertThrows(MigrateException.class,
                () -> migrator.upgradeTenants(Tenant.parse("acme,globex"), "head", new TenantRun(1, false, line -> { })));

        assertEquals(alone, once.getMessage());
        assertEquals(created, CREATED.get(), "no tenant ran a revision");
        MigrateException unknown = assertThrows(MigrateException.class,
                () -> migrator.upgradeTenants(Tenant.parse("acme"), "nosuch", new TenantRun(1, false, line -> { })));
        assertEquals(true, unknown.getMessage().startsWith("Unknown revision or branch label 'nosuch'."), unknown.getMessage());
    }

    @Test
    void aTenantQueryTheDatabaseRejectsFailsOnOneLineNamingTheSetting() {
        String url = "jdbc:h2:mem:tenant_query_" + UUID.randomUUID().toString().substring(0, 8);
        Migrator migrator = Migrator.builder().url(url).revisions(HISTORY).build();

        MigrateException e = assertThrows(MigrateException.class, () -> migrator.queryNames("SELEC nonsense"));

        // H2 puts the statement on a line of its own; the build failure stays one line.
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
        assertEquals(true, e.getMessage().startsWith("migrate.tenantQuery failed: Syntax error in SQL statement"), e.getMessage());
        assertEquals(true, e.getMessage().endsWith("(SQLState 42001). Give a query whose first column is the tenant's schema or"
                + " JDBC URL, e.g. SELECT schema_name FROM public.tenants WHERE active."), e.getMessage());
    }

    /** Spring Boot runs the tenant query on the application's DataSource and calls it migrate.tenant-query. */
    @Test
    void aTenantQueryRunsOnTheDataSourceAndItsFailureNamesTheSettingGiven() throws SQLException {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:tenant_query_ds_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1");
        try (Connection keep = dataSource.getConnection(); Statement statement = keep.createStatement()) {
            statement.execute("CREATE TABLE tenants(schema_name VARCHAR(50), active BOOLEAN)");
            statement.execute("INSERT INTO tenants VALUES ('acme', TRUE), ('gone', FALSE), (NULL, TRUE), ('globex', TRUE)");
            Migrator migrator = Migrator.builder().dataSource(dataSource).revisions(HISTORY).build();

            assertEquals(List.of("acme", "globex"), migrator.queryNames(
                    "SELECT schema_name FROM tenants WHERE active ORDER BY schema_name", "migrate.tenant-query"));
            MigrateException e = assertThrows(MigrateException.class,
                    () -> migrator.queryNames("SELECT schema_name FROM no_such_table", "migrate.tenant-query"));
            assertEquals(true, e.getMessage().startsWith("migrate.tenant-query failed: Table \"NO_SUCH_TABLE\" not found"),
                    e.getMessage());
        }
    }

    /** A tenant's own URL came from migrate.tenants or migrate.tenantQuery, not migrate.url: its errors say so. */
    @Test
    void aBadTenantUrlsMessageNamesWhereTheTenantWasListed() {
        Migrator migrator = Migrator.builder().url("jdbc:h2:mem:configured").revisions(HISTORY).build();
        List<Tenant> tenants = new java.util.ArrayList<>(Tenant.parse("jdbc:postgres://db/acme?password=S3cret"));
        tenants.addAll(Tenant.parse("jdbc:h2:./target/no-such-tenant-" + UUID.randomUUID() + ";IFEXISTS=TRUE",
                "migrate.tenantQuery"));

        TenantReport report = migrator.upgradeTenants(tenants, "head", new TenantRun(1, false, line -> { }));

        assertEquals("No dialect supports the URL 'jdbc:postgres://db/acme?password=***' (migrate.tenants). Did you mean"
                + " jdbc:postgresql:? Supported URLs start with jdbc:postgresql:, jdbc:h2:, jdbc:mariadb:, jdbc:mysql:, for"
                + " example jdbc:postgresql://localhost:5432/app, jdbc:h2:./target/app or jdbc:mariadb://localhost:3306/app.",
                report.outcomes().get(0).failure());
        String missing = report.outcomes().get(1).failure();
        assertEquals(true, missing.endsWith("Create the database, or fix the database name in migrate.tenantQuery."), missing);
    }

    @Test
    void eachRevisionIsRenderedOnceAndEveryTenantGetsItsOwnTablesAndChecksums() throws SQLException {
        String url = "jdbc:h2:mem:tenants_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        List<Tenant> tenants = IntStream.range(0, 6).mapToObj(i -> Tenant.schema("t_" + i)).toList();
        try (Connection keep = DriverManager.getConnection(url); Statement statement = keep.createStatement()) {
            for (Tenant tenant : tenants) {
                statement.execute("CREATE SCHEMA \"" + tenant.schema() + "\"");
            }
            Migrator migrator = Migrator.builder().url(url).revisions(HISTORY).build();
            CREATED.set(0);

            TenantReport report = migrator.upgradeTenants(tenants, "head", new TenantRun(1, false, line -> { }));

            assertEquals(6, report.count(TenantOutcome.Status.APPLIED), report.summary() + report.failures());
            // Once for the shared rendering, once more for the first tenant's proof; never per tenant.
            assertEquals(4, CREATED.get(), "the revisions' upgrade() ran per revision, not per tenant");
            for (Tenant tenant : tenants) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE"
                        + " TABLE_SCHEMA = '" + tenant.schema() + "' AND TABLE_NAME = 'customers'")) {
                    rows.next();
                    assertEquals(3, rows.getInt(1), tenant.name());
                }
                assertEquals(List.of(), migrator.forTenant(tenant).changedRevisions(),
                        tenant.name() + ": the recorded checksums are those of rendering for the tenant directly");
            }

            TenantReport down = migrator.downgradeTenants(tenants, "h1", new TenantRun(1, false, line -> { }));
            assertEquals(6, down.count(TenantOutcome.Status.APPLIED), down.summary());
            assertEquals(List.of("h1"), migrator.forTenant(tenants.get(5)).current());
        }
    }

    /**
     * Each tenant's applied revisions edited since they ran there reach the callback on the tenant's
     * worker, rendered through the run's shared rendering; a callback that throws fails only that
     * tenant, before anything runs on it (migrate.validateOnUpgrade over tenants).
     */
    @Test
    void eachTenantsEditedRevisionsAreSeenBeforeItRunsAndCanStopOnlyThatTenant() throws SQLException {
        String url = "jdbc:h2:mem:tenants_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        List<Tenant> tenants = IntStream.range(0, 3).mapToObj(i -> Tenant.schema("e_" + i)).toList();
        IndexedRevision editedH1 = revision("h1", List.of(), op -> op.createTable("customers", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.primaryKey());
            t.column("name", ColumnType.varchar(150), c -> c.notNull()); // was varchar(100) when it ran
        }), op -> op.dropTable("customers"));
        try (Connection keep = DriverManager.getConnection(url); Statement statement = keep.createStatement()) {
            for (Tenant tenant : tenants) {
                statement.execute("CREATE SCHEMA \"" + tenant.schema() + "\"");
            }
            Migrator original = Migrator.builder().url(url).revisions(HISTORY).build();
            original.upgradeTenants(tenants.subList(0, 2), "h1", new TenantRun(1, false, line -> { }));
            Migrator edited = Migrator.builder().url(url).revisions(List.of(editedH1, HISTORY.get(1))).build();

            java.util.Map<String, List<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
            // One tenant at a time: H2 runs DDL of two sessions at once only up to its one-second lock timeout.
            TenantReport report = edited.upgradeTenants(tenants, "head", new TenantRun(1, false, line -> { }),
                    (tenant, changed) -> {
                        seen.put(tenant.name(), changed.stream().map(dev.migrate.ChangedRevision::id).toList());
                        if (tenant.name().equals("e_1")) {
                            throw new MigrateException("edited: " + changed.get(0).id());
                        }
                    });

            assertEquals(java.util.Map.of("e_0", List.of("h1"), "e_1", List.of("h1")), seen,
                    "e_2 never ran h1, so nothing of it is edited there");
            assertEquals(List.of(TenantOutcome.Status.APPLIED, TenantOutcome.Status.FAILED, TenantOutcome.Status.APPLIED),
                    report.outcomes().stream().map(TenantOutcome::status).toList(), report.failures().toString());
            assertEquals("edited: h1", report.outcomes().get(1).failure());
            assertEquals(List.of("h1"), edited.forTenant(tenants.get(1)).current(), "nothing ran on the stopped tenant");
            assertEquals(List.of("h2"), edited.forTenant(tenants.get(0)).current());

            // check over tenants reports each tenant's edited revisions beside its state
            dev.migrate.check.TenantCheckReport check = edited.checkTenants(tenants, new TenantRun(1, false, line -> { }));
            assertEquals(List.of(List.of("h1"), List.of("h1"), List.of()),
                    check.tenants().stream().map(dev.migrate.check.TenantCheck::edited).toList());
            assertEquals(List.of("edited: h1", "behind, edited: h1"),
                    check.lagging().stream().map(dev.migrate.check.TenantCheck::reason).toList());
            assertEquals(List.of("edited since applied: h1", "1 pending: h2; edited since applied: h1", "-"),
                    check.tenants().stream().map(dev.migrate.check.TenantCheck::detail).toList());
            assertEquals(false, check.passed());
            assertEquals(true, check.summary().startsWith("3 tenants: 2 at head, 1 behind, 0 at unknown revisions,"
                    + " 0 unreadable, 2 with edited revisions, in "), check.summary());
        }
    }

    /**
     * H2 runs the DDL of one session at a time (a second session's DDL times out on its SYS table): a
     * parallel run over the schemas of one H2 database runs them one at a time and says so, instead of
     * failing tenants on lock timeouts (8 tenants, 4 at once failed most times before).
     */
    @Test
    void tenantsOfOneH2DatabaseRunOneAtATimeWhateverParallelSays() throws SQLException {
        String url = "jdbc:h2:mem:tenants_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        List<Tenant> tenants = IntStream.range(0, 8).mapToObj(i -> Tenant.schema("p_" + i)).toList();
        try (Connection keep = DriverManager.getConnection(url); Statement statement = keep.createStatement()) {
            for (Tenant tenant : tenants) {
                statement.execute("CREATE SCHEMA \"" + tenant.schema() + "\"");
            }
            List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            Migrator migrator = Migrator.builder().url(url).revisions(HISTORY).build();

            TenantReport report = migrator.upgradeTenants(tenants, "head", new TenantRun(4, false, progress::add));

            assertEquals(8, report.count(TenantOutcome.Status.APPLIED), report.failures().toString());
            assertEquals("This h2 database runs the DDL of one session at a time, so the tenants of this database are"
                    + " migrated one at a time (migrate.parallel=4 applies to databases that run DDL of several sessions"
                    + " at once).", progress.get(0));
            TenantReport down = migrator.downgradeTenants(tenants, "base", new TenantRun(4, false, line -> { }));
            assertEquals(8, down.count(TenantOutcome.Status.APPLIED), down.failures().toString());
        }
    }

    private static IndexedRevision revision(String id, List<String> parents, java.util.function.Consumer<dev.migrate.Operations> up,
            java.util.function.Consumer<dev.migrate.Operations> down) {
        return new IndexedRevision(new RevisionDescriptor(id, parents, List.of(), List.of(), "rev " + id,
                "com.example.Rev_" + id), () -> new LambdaMigration(up, down));
    }
}
