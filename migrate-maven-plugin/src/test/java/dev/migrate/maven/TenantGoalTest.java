package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantOutcome;
import dev.migrate.tenant.TenantReport;
import dev.migrate.tenant.TenantRun;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenant settings' messages: parallelism, tenants where a goal cannot take them, the failure line, -X's masking. */
class TenantGoalTest {

    @Test
    void theSummarySaysWhatTheGoalDidAndCurrentCountsWhoLags() {
        List<Tenant> tenants = Tenant.parse("acme,globex,initech");
        TenantReport read = new TenantReport(List.of(
                new TenantOutcome(tenants.get(0), TenantOutcome.Status.UNCHANGED, List.of("f5b8"), List.of("f5b8"), 0, null, Duration.ZERO),
                new TenantOutcome(tenants.get(1), TenantOutcome.Status.UNCHANGED, List.of("f5b8"), List.of("f5b8"), 0, null, Duration.ZERO),
                new TenantOutcome(tenants.get(2), TenantOutcome.Status.UNCHANGED, List.of(), List.of(), 0, null, Duration.ZERO)),
                Duration.ofMillis(1600));
        // current reads: nobody was "upgraded" or is "already there" (initech is 10 behind).
        assertEquals("3 tenants: 2 at head, 1 behind, 0 at unknown revisions, 0 unreadable, in 1.6 s",
                TenantGoal.summary("current", read, current -> current.isEmpty() ? 10 : 0));
        // A tenant whose version table names a revision the code does not know (behind gives -1) is not behind.
        assertEquals("3 tenants: 2 at head, 0 behind, 1 at unknown revisions, 0 unreadable, in 1.6 s",
                TenantGoal.summary("current", read, current -> current.isEmpty() ? -1 : 0));
        TenantReport ran = new TenantReport(List.of(
                new TenantOutcome(tenants.get(0), TenantOutcome.Status.APPLIED, List.of("f5b8"), List.of("e4a7"), 1, null, Duration.ZERO)),
                Duration.ofMillis(200));
        assertEquals("1 tenant: 1 downgraded, 0 already there, 0 failed, 0 not run, in 0.2 s",
                TenantGoal.summary("downgrade", ran, current -> 0));
        assertEquals("1 tenant: 1 upgraded, 0 already there, 0 failed, 0 not run, in 0.2 s",
                TenantGoal.summary("upgrade", ran, current -> 0));
    }

    @Test
    void parallelThatIsNoWholeNumberNamesTheSetting() {
        assertEquals(1, TenantGoal.parallelism(null));
        assertEquals(4, TenantGoal.parallelism(" 4 "));
        for (String text : List.of("abc", "1.5", "99999999999")) {
            MigrateException e = assertThrows(MigrateException.class, () -> TenantGoal.parallelism(text));
            assertEquals("migrate.parallel is '" + text + "', which is not a whole number of tenants. Give how many"
                    + " tenants may run at once, 1 or more, e.g. -Dmigrate.parallel=4.", e.getMessage());
        }
    }

    @Test
    void stampAndOfflineScriptsRefuseTenantsInsteadOfSkippingThem() {
        assertEquals("migrate:stamp works on one database and does not run over tenants, but migrate.tenants or"
                + " migrate.tenantQuery is set. For one tenant, leave them out and give its schema (-Dmigrate.schema=acme)"
                + " or its JDBC URL (migrate.url).", TenantGoal.notOverTenants("migrate:stamp"));
    }

    @Test
    void noTenantsSaysWhichSettingGaveNone() {
        assertEquals("migrate.tenants is ', ,', which lists no tenant. Give schemas or JDBC URLs separated by commas, e.g."
                + " -Dmigrate.tenants=acme,globex.", TenantGoal.noTenants(", ,", null));
        assertEquals("migrate.tenantQuery found no tenant: SELECT name FROM tenants WHERE active returned no row with a value"
                + " in its first column. Check the query against the configured database (migrate.url), or give the tenants"
                + " with migrate.tenants.", TenantGoal.noTenants(null, " SELECT name FROM tenants WHERE active "));
    }

    @Test
    void aSingleFailedTenantsReasonIsOnTheFailureLine() {
        TenantOutcome refused = failed(Tenant.database("jdbc:postgresql://127.0.0.1:1/x?password=secret"),
                "Cannot connect to 127.0.0.1:1 (connection refused).");
        assertEquals("The tenant jdbc:postgresql://127.0.0.1:1/x?password=*** failed: Cannot connect to 127.0.0.1:1"
                + " (connection refused). Fix the cause and run the goal again.",
                TenantGoal.failureMessage(List.of(refused), 1));
        TenantOutcome acme = failed(Tenant.schema("acme"), "Revision 'a1' failed.");
        assertEquals("1 of 3 tenants failed: acme: Revision 'a1' failed. The other tenants are consistent; fix the cause"
                + " and run the goal again: it touches only the tenants that are behind.",
                TenantGoal.failureMessage(List.of(acme), 3));
        assertEquals("2 of 3 tenants failed: acme, acme (each listed above with its reason). The other tenants are"
                + " consistent; fix the cause and run the goal again: it touches only the tenants that are behind.",
                TenantGoal.failureMessage(List.of(acme, acme), 3));
    }

    /** A bad tenant URL's failure line names migrate.tenants (where the user wrote it), not migrate.url. */
    @Test
    void aBadTenantUrlIsCalledATenantsUrl() {
        List<Tenant> tenants = new TenantGoal("jdbc:postgres://db/acme?password=S3cret", null, 1, false).resolve(null);
        TenantReport report = dev.migrate.Migrator.builder().url("jdbc:h2:mem:configured").revisions(List.of()).build()
                .upgradeTenants(tenants, "head", new TenantRun(1, false, line -> { }));
        assertEquals("The tenant jdbc:postgres://db/acme?password=*** failed: No dialect supports the URL"
                + " 'jdbc:postgres://db/acme?password=***' (migrate.tenants). Did you mean jdbc:postgresql:? Supported URLs"
                + " start with jdbc:postgresql:, jdbc:h2:, jdbc:mariadb:, jdbc:mysql:, for example"
                + " jdbc:postgresql://localhost:5432/app, jdbc:h2:./target/app or jdbc:mariadb://localhost:3306/app."
                + " Fix the cause and run the goal again.", TenantGoal.failureMessage(report.failures(), 1));
    }

    @Test
    void tenantUrlsPasswordsAreMaskedWhereMavenPrintsTheParameter() {
        // -X prints "(f) tenants = " + toString().
        assertEquals("acme,jdbc:postgresql://db/globex?password=***,jdbc:h2:mem:x",
                TenantList.of(" acme,jdbc:postgresql://db/globex?password=S3cr3t,jdbc:h2:mem:x ").toString());
        assertEquals(null, TenantList.of(" "));
    }

    private static TenantOutcome failed(Tenant tenant, String failure) {
        return new TenantOutcome(tenant, TenantOutcome.Status.FAILED, List.of(), List.of(), 0, failure, Duration.ZERO);
    }
}
