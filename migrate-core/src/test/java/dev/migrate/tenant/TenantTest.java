package dev.migrate.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantTest {

    @Test
    void schemasAndUrlsAreToldApartAndPasswordsMasked() {
        List<Tenant> tenants = Tenant.parse(" acme, ,globex,jdbc:postgresql://db2/t3?user=u&password=secret ");
        assertEquals(List.of("acme", "globex", "jdbc:postgresql://db2/t3?user=u&password=***"),
                tenants.stream().map(Tenant::name).toList());
        assertEquals("acme", tenants.get(0).schema());
        assertEquals("jdbc:postgresql://db2/t3?user=u&password=secret", tenants.get(2).url());
    }

    /** A query's row is one tenant: a comma in it is not a second tenant (a URL naming several hosts has one). */
    @Test
    void queryRowsAreOneTenantEach() {
        assertEquals("migrate.tenantQuery lists 'acme,globex', which is neither a schema name (letters, digits, _) nor a"
                + " JDBC URL (jdbc:...). Have the query return one schema name or JDBC URL per row, in its first column.",
                assertThrows(MigrateException.class, () -> Tenant.parse(List.of("acme,globex"), "migrate.tenantQuery"))
                        .getMessage());
        List<Tenant> rows = Tenant.parse(List.of("acme", "jdbc:postgresql://db1:5432,db2:5432/t3?targetServerType=primary"),
                "migrate.tenantQuery");
        assertEquals(List.of("acme", "jdbc:postgresql://db1:5432,db2:5432/t3?targetServerType=primary"),
                rows.stream().map(Tenant::name).toList());
    }

    @Test
    void badListsAreRefusedWithTheEntry() {
        assertEquals("migrate.tenants lists 'acme globex', which is neither a schema name (letters, digits, _) nor a JDBC"
                + " URL (jdbc:...). Separate tenants with commas, as in acme,globex.",
                assertThrows(MigrateException.class, () -> Tenant.parse("acme globex")).getMessage());
        assertEquals("migrate.tenants lists 'ACME' twice; list each tenant once.",
                assertThrows(MigrateException.class, () -> Tenant.parse("acme,ACME")).getMessage());
        String longName = "t".repeat(64);
        assertEquals("migrate.tenants lists '" + longName + "', which has 64 characters, more than the 63 PostgreSQL keeps"
                + " of a schema name. Choose a shorter name.",
                assertThrows(MigrateException.class, () -> Tenant.parse("acme," + longName)).getMessage());
        assertEquals(1, Tenant.parse("t".repeat(63)).size());
        assertEquals("migrate.parallel is 0; give how many tenants may run at once, 1 or more, e.g. -Dmigrate.parallel=4.",
                assertThrows(MigrateException.class, () -> new TenantRun(0, false, l -> { })).getMessage());
    }

    /**
     * A Spring Boot application's migrator runs on its DataSource; a tenant listed as a JDBC URL is
     * another database, reached by its URL (credentials in the URL), while schema tenants use the
     * DataSource.
     */
    @Test
    void aTenantOfItsOwnUrlConnectsByItsUrlWhenMigrateRunsOnADataSource() throws java.sql.SQLException {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:tenant_ds_" + suffix + ";DB_CLOSE_DELAY=-1");
        String own = "jdbc:h2:mem:tenant_own_" + suffix + ";DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=secret";
        try (java.sql.Connection keep = dataSource.getConnection();
                java.sql.Statement statement = keep.createStatement()) {
            statement.execute("CREATE SCHEMA acme");
            dev.migrate.Migrator migrator = dev.migrate.Migrator.builder().dataSource(dataSource).revisions(List.of(
                    new dev.migrate.index.IndexedRevision(new dev.migrate.graph.RevisionDescriptor("r1", List.of(), List.of(),
                            List.of(), "r1", "com.example.R1"), () -> new dev.migrate.testing.LambdaMigration(
                                    op -> op.execute("SELECT 1"), op -> op.execute("SELECT 1"))))).build();

            TenantReport report = migrator.upgradeTenants(Tenant.parse("acme," + own), "head",
                    new TenantRun(1, false, line -> { }));

            assertEquals(List.of(TenantOutcome.Status.APPLIED, TenantOutcome.Status.APPLIED),
                    report.outcomes().stream().map(TenantOutcome::status).toList(), report.failures().toString());
            assertEquals("jdbc:h2:mem:tenant_own_" + suffix + ";DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=***",
                    report.outcomes().get(1).tenant().name());
            assertEquals(List.of("r1"), migrator.forTenant(Tenant.database(own)).current());
            // The tenant's version table is in its own database, not in the DataSource's.
            assertEquals(List.of(), migrator.current());
            try (java.sql.Connection other = java.sql.DriverManager.getConnection(own);
                    java.sql.ResultSet rows = other.createStatement().executeQuery("SELECT \"version_num\" FROM \"migrate_version\"")) {
                assertEquals(true, rows.next());
                assertEquals("r1", rows.getString(1));
            }
        }
    }
}
