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

    @Test
    void badListsAreRefusedWithTheEntry() {
        assertEquals("migrate.tenants lists 'acme globex', which is neither a schema name (letters, digits, _) nor a JDBC"
                + " URL (jdbc:...). Separate tenants with commas: -Dmigrate.tenants=acme,globex.",
                assertThrows(MigrateException.class, () -> Tenant.parse("acme globex")).getMessage());
        assertEquals("migrate.tenants lists 'ACME' twice; list each tenant once.",
                assertThrows(MigrateException.class, () -> Tenant.parse("acme,ACME")).getMessage());
        assertEquals("migrate.parallel is 0; give how many tenants may run at once, 1 or more, e.g. -Dmigrate.parallel=4.",
                assertThrows(MigrateException.class, () -> new TenantRun(0, false, l -> { })).getMessage());
    }

    @Test
    void aTenantOfItsOwnUrlIsRefusedWhenMigrateRunsOnADataSource() {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:tenant_ds");
        dev.migrate.Migrator migrator = dev.migrate.Migrator.builder().dataSource(dataSource).revisions(List.of()).build();
        MigrateException e = assertThrows(MigrateException.class,
                () -> migrator.forTenant(Tenant.database("jdbc:h2:mem:other;USER=sa;PASSWORD=secret")));
        assertEquals("Tenant jdbc:h2:mem:other;USER=sa;PASSWORD=*** is a JDBC URL, but migrate runs on a DataSource; give"
                + " tenants as schemas of that data source's database, or configure migrate.url instead.", e.getMessage());
    }
}
