package dev.migrate.spring;

import static dev.migrate.spring.StartUpRecords.appliedRevisions;
import static dev.migrate.spring.StartUpRecords.cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.tenant.Tenant;
import dev.migrate.tenant.TenantOutcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Schema per tenant at start-up ({@code migrate.tenants}, {@code migrate.tenant-query}): every
 * tenant at head before the beans that read them, a failing tenant named in start-up's one message
 * while the others stay upgraded, validate mode, and the endpoint's tenant view. On H2 and on a
 * PostgreSQL database of the test's own.
 */
class MigrateTenantsTest {

    private static final List<String> TENANTS = List.of("acme", "globex", "initech");

    private static ApplicationContextRunner runner(String url) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DriverManagerDataSource(url));
    }

    /** An H2 database with the three tenant schemas, kept until the JVM ends. */
    private static String h2WithTenants() throws SQLException {
        String url = "jdbc:h2:mem:tenants_" + UUID.randomUUID().toString().substring(0, 8)
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        execute(url, "CREATE SCHEMA acme", "CREATE SCHEMA globex", "CREATE SCHEMA initech");
        return url;
    }

    /** A bean that reads every tenant's table when it is created, as a tenant-aware repository would. */
    @Configuration(proxyBeanMethods = false)
    static class ReadsEveryTenantAtStartUp {
        @Bean
        @DependsOnDatabaseInitialization
        TicketsPerTenant ticketsPerTenant(DataSource dataSource) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String tenant : TENANTS) {
                counts.put(tenant, jdbc.queryForObject("SELECT count(*) FROM " + tenant + ".ticket WHERE status IS NULL",
                        Long.class));
            }
            return new TicketsPerTenant(counts);
        }
    }

    record TicketsPerTenant(Map<String, Long> counts) {
    }

    @Test
    void everyTenantIsAtHeadBeforeBeansThatReadThemAndTheDefaultSchemaIsLeftAlone() throws SQLException {
        String url = h2WithTenants();
        runner(url).withPropertyValues("migrate.tenants=acme, globex, initech")
                .withUserConfiguration(ReadsEveryTenantAtStartUp.class).run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertEquals(Map.of("acme", 0L, "globex", 0L, "initech", 0L),
                            context.getBean(TicketsPerTenant.class).counts());
                    Migrator migrator = context.getBean(Migrator.class);
                    for (String tenant : TENANTS) {
                        assertEquals(List.of("b2"), migrator.forTenant(Tenant.schema(tenant)).current(), tenant);
                    }
                    // As mvn migrate:upgrade with tenants: the data source's own schema is not a tenant.
                    assertEquals(List.of(), migrator.current());
                    assertEquals(0, count(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                            + " AND table_name = 'ticket'"));
                });
    }

    @Test
    void aFailingTenantStopsStartUpNamingItWhileTheOthersStayAtHeadAndARestartUpgradesOnlyIt() throws SQLException {
        aFailingTenantStopsStartUpAndARestartUpgradesOnlyIt(h2WithTenants(), "1 of 3 tenants failed to upgrade to head:"
                + " globex (at base): Revision 'b1' (app.Rev_b1) failed during upgrade: Table \"ticket\" already exists"
                + " (SQLState 42S01). 2 other tenants are at head and stay there. The log above has each failed tenant's"
                + " statement and full message.");
    }

    @Test
    void aFailingTenantOnPostgresStopsStartUpAndARestartUpgradesOnlyIt() throws Exception {
        withPostgresDatabase(url -> {
            execute(url, "CREATE SCHEMA acme", "CREATE SCHEMA globex", "CREATE SCHEMA initech");
            aFailingTenantStopsStartUpAndARestartUpgradesOnlyIt(url, "1 of 3 tenants failed to upgrade to head: globex"
                    + " (at base): Revision 'b1' (app.Rev_b1) failed during upgrade: ERROR: relation \"ticket\" already"
                    + " exists (SQLState 42P07). 2 other tenants are at head and stay there. The log above has each failed"
                    + " tenant's statement and full message.");
        });
    }

    /**
     * A table {@code ticket} already in globex only: b1 fails there. Start-up fails once, naming
     * globex, its revision and the statement; acme and initech are at head. After the table is gone
     * a restart upgrades globex alone (acme's and initech's history keep one run of each revision).
     */
    private static void aFailingTenantStopsStartUpAndARestartUpgradesOnlyIt(String url, String expected)
            throws SQLException {
        execute(url, "CREATE TABLE globex.ticket (legacy_id INT)");
        runner(url).withPropertyValues("migrate.tenants=acme,globex,initech")
                .withUserConfiguration(ReadsEveryTenantAtStartUp.class).run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertNotNull(failure);
                    TenantsFailedException cause = cause(failure, TenantsFailedException.class);
                    String message = cause.getMessage();
                    assertEquals(expected, message);
                    assertEquals(List.of(TenantOutcome.Status.APPLIED, TenantOutcome.Status.FAILED,
                            TenantOutcome.Status.APPLIED), cause.report().outcomes().stream().map(TenantOutcome::status).toList());
                    FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(failure);
                    assertEquals("migrate stopped the application's start-up: " + message, analysis.getDescription());
                    assertEquals("Fix the cause named for each failed tenant and start again: the tenants already at the"
                            + " target are left as they are and only those behind are upgraded. mvn migrate:check"
                            + " -Dmigrate.tenants=... shows where each tenant stands; migrate.mode=none starts without"
                            + " migrating.", analysis.getAction());
                });
        Migrator migrator = Migrator.builder().url(url).build();
        assertEquals(List.of("b2"), migrator.forTenant(Tenant.schema("acme")).current());
        assertEquals(List.of(), migrator.forTenant(Tenant.schema("globex")).current());
        assertEquals(List.of("b2"), migrator.forTenant(Tenant.schema("initech")).current());

        execute(url, "DROP TABLE globex.ticket");
        runner(url).withPropertyValues("migrate.tenants=acme,globex,initech")
                .withUserConfiguration(ReadsEveryTenantAtStartUp.class)
                .run(context -> assertEquals(null, context.getStartupFailure()));
        for (String tenant : TENANTS) {
            assertEquals(List.of("b1x1", "b2x1"), appliedRevisions(url, tenant + ".migrate_history"), tenant);
        }
    }

    @Test
    void failFastStopsAtTheFirstFailedTenantAndSaysWhichWereNotTried() throws SQLException {
        String url = h2WithTenants();
        execute(url, "CREATE TABLE acme.ticket (legacy_id INT)");
        runner(url).withPropertyValues("migrate.tenants=acme,globex,initech", "migrate.fail-fast=true").run(context -> {
            assertEquals("1 of 3 tenants failed to upgrade to head: acme (at base): Revision 'b1' (app.Rev_b1) failed"
                    + " during upgrade: Table \"ticket\" already exists (SQLState 42S01). 2 tenants were not tried"
                    + " (migrate.fail-fast). The log above has each failed tenant's statement and full message.",
                    cause(context.getStartupFailure(), TenantsFailedException.class).getMessage());
        });
        assertEquals(List.of(), Migrator.builder().url(url).build().forTenant(Tenant.schema("globex")).current());
    }

    /** Thousands of tenants failing for one cause keep start-up's message to ten names; the log has every one. */
    @Test
    void startUpsMessageNamesTenFailedTenantsAndCountsTheRest() {
        List<TenantOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            outcomes.add(new TenantOutcome(Tenant.schema("t" + i), TenantOutcome.Status.FAILED, List.of(), List.of("b1"), 0,
                    "Revision 'b2' (app.Rev_b2) failed during upgrade: boom", java.time.Duration.ZERO, List.of(),
                    new TenantOutcome.FailedAt("b2", "ALTER TABLE ...", "42000")));
        }
        String message = MigrateTenants.failureMessage(new dev.migrate.tenant.TenantReport(outcomes,
                java.time.Duration.ZERO), "head");
        StringBuilder expected = new StringBuilder("12 of 12 tenants failed to upgrade to head: ");
        for (int i = 1; i <= 10; i++) {
            expected.append("t").append(i).append(" (at b1): Revision 'b2' (app.Rev_b2) failed during upgrade: boom (SQLState"
                    + " 42000)").append(i < 10 ? "; " : "");
        }
        assertEquals(expected + "; and 2 more (each in the log above). The log above has each failed tenant's statement"
                + " and full message.", message);
    }

    @Test
    void theTenantQueryRunsOnTheApplicationsDataSource() throws SQLException {
        String url = h2WithTenants();
        execute(url, "CREATE TABLE public.tenants (schema_name VARCHAR(50), active BOOLEAN)",
                "INSERT INTO public.tenants VALUES ('acme', TRUE), ('globex', TRUE), ('initech', FALSE)");
        runner(url).withPropertyValues("migrate.tenant-query=SELECT schema_name FROM public.tenants WHERE active"
                + " ORDER BY schema_name").run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    Migrator migrator = context.getBean(Migrator.class);
                    assertEquals(List.of("b2"), migrator.forTenant(Tenant.schema("acme")).current());
                    assertEquals(List.of("b2"), migrator.forTenant(Tenant.schema("globex")).current());
                    assertEquals(List.of(), migrator.forTenant(Tenant.schema("initech")).current());
                });
    }

    @Test
    void badTenantSettingsStopStartUpWithMessagesNamingTheSetting() throws SQLException {
        String url = h2WithTenants();
        assertStartUpFails(url, "migrate.tenant-query found no tenant: SELECT 'x' WHERE 1 = 0 returned no row with a value"
                + " in its first column. Check the query against the application's database, or list the tenants in"
                + " migrate.tenants.", "migrate.tenant-query=SELECT 'x' WHERE 1 = 0");
        assertStartUpFails(url, "Both migrate.tenants and migrate.tenant-query are set; give the tenants one way.",
                "migrate.tenants=acme", "migrate.tenant-query=SELECT 'acme'");
        assertStartUpFails(url, "migrate.tenants lists 'acme-eu', which is neither a schema name (letters, digits, _) nor a"
                + " JDBC URL (jdbc:...). Separate tenants with commas, as in acme,globex.",
                "migrate.tenants=acme,acme-eu");
        // migrate.parallel=0 fails as Spring binds it (MigrateAutoConfigurationTest.outOfRangeSettingsFailStartUpNamingTheProperty).
        runner(url).withPropertyValues("migrate.tenant-query=SELECT name FROM no_such_table").run(context -> {
            String message = cause(context.getStartupFailure(), MigrateException.class).getMessage();
            assertEquals(true, message.startsWith("migrate.tenant-query failed: Table \"no_such_table\" not found"), message);
        });
        // A tenant of its own URL is another database than the DataSource's: one that is not there fails by name.
        runner(url).withPropertyValues("migrate.tenants=acme,jdbc:h2:mem:missing;IFEXISTS=TRUE").run(context -> {
            String message = cause(context.getStartupFailure(), TenantsFailedException.class).getMessage();
            assertEquals(true, message.startsWith("1 of 2 tenants failed to upgrade to head: jdbc:h2:mem:missing;IFEXISTS=TRUE"
                    + " (at base): Cannot connect to jdbc:h2:mem:missing;IFEXISTS=TRUE as user '(none)': Database"
                    + " \"mem:missing\" not found"), message);
            // H2's own error code sits between; it changes with H2's version.
            assertEquals(true, message.endsWith(" Create the database, or fix the database name in migrate.tenants."
                    + " 1 other tenant is at head and stays there. The log above has each failed"
                    + " tenant's statement and full message."), message);
        });
    }

    /** Schemas of the application's database and a database of its own, side by side in migrate.tenants. */
    @Test
    void aTenantOfItsOwnJdbcUrlIsUpgradedBesideTheSchemas() throws SQLException {
        String url = h2WithTenants();
        String own = "jdbc:h2:mem:tenant_own_" + UUID.randomUUID().toString().substring(0, 8)
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        runner(url).withPropertyValues("migrate.tenants=acme," + own).run(context -> {
            assertEquals(null, context.getStartupFailure());
            Migrator migrator = context.getBean(Migrator.class);
            assertEquals(List.of("b2"), migrator.forTenant(Tenant.schema("acme")).current());
            assertEquals(List.of("b2"), migrator.forTenant(Tenant.database(own)).current());
            assertEquals(List.of("b1x1", "b2x1"), appliedRevisions(own, "public.migrate_history"));
        });
    }

    private static void assertStartUpFails(String url, String message, String... properties) {
        runner(url).withPropertyValues(properties).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, String.join(" ", properties));
            assertEquals(message, cause(failure, MigrateException.class).getMessage());
        });
    }

    /**
     * b1 edited after it ran on acme only (globex is new): acme fails before anything runs on it, named with
     * the edited revision, while globex is upgraded; with validate-on-upgrade=false acme is warned about, by
     * name, and upgraded too.
     */
    @Test
    void anEditedRevisionStopsOnlyTheTenantItRanOnNamingBoth() throws SQLException {
        String url = h2WithTenants();
        runner(url).withPropertyValues("migrate.tenants=acme").run(context -> assertEquals(null, context.getStartupFailure()));
        Migrator edited = Migrator.builder().url(url).revisions(TestRevisions.B1_EDITED_B3_PENDING).build();
        runner(url).withBean(Migrator.class, () -> edited).withPropertyValues("migrate.tenants=acme,globex").run(context -> {
            TenantsFailedException cause = cause(context.getStartupFailure(), TenantsFailedException.class);
            assertEquals("1 of 2 tenants failed to upgrade to head: acme (at b2): migrate.validate-on-upgrade: 1 applied"
                    + " revision was edited since it ran here: b1 (app.Rev_b1), so nothing was run. Restore each as it was"
                    + " and put the change into a new revision (`mvn migrate:revision`); migrate.validate-on-upgrade=false"
                    + " starts with a warning instead. 1 other tenant is at head and stays there. The log above has each"
                    + " failed tenant's statement and full message.", cause.getMessage());
        });
        assertEquals(List.of("b2"), edited.forTenant(Tenant.schema("acme")).current());
        assertEquals(List.of("b3"), edited.forTenant(Tenant.schema("globex")).current());

        List<String> warnings = MigrateAutoConfigurationTest.warningsWhile(() -> runner(url).withBean(Migrator.class, () -> edited)
                .withPropertyValues("migrate.tenants=acme,globex", "migrate.validate-on-upgrade=false")
                .run(context -> assertEquals(null, context.getStartupFailure())));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("WARNING dev.migrate: Tenant acme: Revision b1 (app.Rev_b1) was edited after"
                + " it was applied here on "), warnings.get(0));
        assertEquals(List.of("b3"), edited.forTenant(Tenant.schema("acme")).current());
    }

    @Test
    void validateModeNamesATenantThatRanARevisionEditedSince() throws SQLException {
        String url = h2WithTenants();
        runner(url).withPropertyValues("migrate.tenants=acme").run(context -> assertEquals(null, context.getStartupFailure()));
        Migrator edited = Migrator.builder().url(url).revisions(TestRevisions.B1_EDITED_B3_PENDING).build();
        runner(url).withBean(Migrator.class, () -> edited).withPropertyValues("migrate.tenants=acme",
                "migrate.mode=validate").run(context -> {
            MigrateException cause = cause(context.getStartupFailure(), MigrateException.class);
            assertEquals("migrate.mode=validate: 1 of 1 tenant is not at head or ran revisions edited since: acme is behind"
                    + " (at b2, 1 pending: b3; edited since applied: b1). Upgrade them (migrate.mode=upgrade, or mvn"
                    + " migrate:upgrade -Dmigrate.tenants=...) before starting the application. Restore each edited revision"
                    + " as it was and put the change into a new revision (`mvn migrate:revision`).", cause.getMessage());
        });
        assertEquals(List.of("b2"), edited.forTenant(Tenant.schema("acme")).current(), "validate changes nothing");
    }

    @Test
    void validateModeNamesTheTenantsBehindAndAtUnknownRevisionsAndChangesNothing() throws SQLException {
        String url = h2WithTenants();
        runner(url).withPropertyValues("migrate.tenants=acme,initech").run(context -> assertEquals(null,
                context.getStartupFailure()));
        runner(url).withPropertyValues("migrate.tenants=globex", "migrate.target=b1").run(context -> assertEquals(null,
                context.getStartupFailure()));
        execute(url, "UPDATE initech.migrate_version SET version_num = 'zz9'");

        runner(url).withPropertyValues("migrate.tenants=acme,globex,initech", "migrate.mode=validate").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            MigrateException cause = cause(failure, MigrateException.class);
            assertEquals("migrate.mode=validate: 2 of 3 tenants are not at head: globex is behind (at b1, 1 pending: b2);"
                    + " initech is at a revision the code does not know (at zz9, unknown to the code: zz9). Upgrade them"
                    + " (migrate.mode=upgrade, or mvn migrate:upgrade -Dmigrate.tenants=...) before starting the"
                    + " application.", cause.getMessage());
            assertEquals("Fix what the message names (mvn migrate:check shows every finding), or set migrate.mode=none to"
                    + " start without migrating.", new MigrateFailureAnalyzer().analyze(failure).getAction());
        });
        assertEquals(List.of("b1"), Migrator.builder().url(url).build().forTenant(Tenant.schema("globex")).current());
        runner(url).withPropertyValues("migrate.tenants=acme", "migrate.mode=validate")
                .run(context -> assertEquals(null, context.getStartupFailure()));
    }

    @Test
    void validateModeOverTenantsFailsOnTheCodesSeveralHeadsOnce() throws SQLException {
        String url = h2WithTenants();
        List<dev.migrate.index.IndexedRevision> twoHeads = List.of(TestRevisions.HISTORY.get(0),
                TestRevisions.revision("x2", List.of("b1"), op -> op.execute("SELECT 1"), op -> op.execute("SELECT 1")),
                TestRevisions.revision("y2", List.of("b1"), op -> op.execute("SELECT 1"), op -> op.execute("SELECT 1")));
        runner(url).withBean(Migrator.class, () -> Migrator.builder().url(url).revisions(twoHeads).build())
                .withPropertyValues("migrate.tenants=acme,globex", "migrate.mode=validate").run(context -> {
                    String message = cause(context.getStartupFailure(), MigrateException.class).getMessage();
                    assertEquals(true, message.startsWith("migrate.mode=validate: "), message);
                    assertEquals(true, message.contains("x2") && message.contains("y2"), message);
                    assertEquals(true, message.endsWith("Join them with `mvn migrate:merge -Dmigrate.message=\"merge heads\"`."),
                            message);
                });
    }

    @Test
    void theConfigurationMetadataOffersTheTenantProperties() throws java.io.IOException {
        String metadata;
        try (java.io.InputStream in = MigrateProperties.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "spring-configuration-metadata.json");
            metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", "");
        }
        assertEquals(true, entry(metadata, "migrate.tenants").contains("\"type\":\"java.util.List<java.lang.String>\""));
        assertEquals(true, entry(metadata, "migrate.tenant-query").contains("\"type\":\"java.lang.String\""));
        assertEquals(true, entry(metadata, "migrate.parallel").contains("\"defaultValue\":1"));
        assertEquals(true, entry(metadata, "migrate.fail-fast").contains("\"defaultValue\":false"));
    }

    /** One property's entry of the metadata (whitespace removed): from its name to the end of its object. */
    private static String entry(String metadata, String property) {
        int start = metadata.indexOf("{\"name\":\"" + property + "\"");
        assertEquals(true, start >= 0, property + " is not in the metadata");
        return metadata.substring(start, metadata.indexOf('}', start));
    }

    @Test
    void theEndpointShowsEachTenantsRevisionAndState() throws SQLException {
        String url = h2WithTenants();
        runner(url).withPropertyValues("migrate.tenants=acme,initech").run(context -> assertEquals(null,
                context.getStartupFailure()));
        runner(url).withPropertyValues("migrate.tenants=globex", "migrate.target=b1").run(context -> assertEquals(null,
                context.getStartupFailure()));

        String missing = "jdbc:h2:mem:missing;IFEXISTS=TRUE";
        runner(url).withPropertyValues("migrate.tenants=acme,globex,initech,umbrella," + missing, "migrate.mode=none")
                .run(context -> {
            Map<String, Object> state = context.getBean(MigrateEndpoint.class).migrate();
            assertEquals(List.of("heads", "findings", "tenants", "summary"), List.copyOf(state.keySet()));
            assertEquals(List.of("b2"), state.get("heads"));
            assertEquals(List.of(), state.get("findings"));
            List<?> tenants = (List<?>) state.get("tenants");
            assertEquals(Map.of("tenant", "acme", "current", List.of("b2"), "state", "AT_HEAD", "pending", List.of(),
                    "edited", List.of()),
                    tenants.get(0));
            assertEquals(Map.of("tenant", "globex", "current", List.of("b1"), "state", "BEHIND", "pending", List.of("b2"),
                    "edited", List.of()),
                    tenants.get(1));
            assertEquals(Map.of("tenant", "initech", "current", List.of("b2"), "state", "AT_HEAD", "pending", List.of(),
                    "edited", List.of()),
                    tenants.get(2));
            // A schema that does not exist reads as no version table on H2: at base, everything pending.
            assertEquals(Map.of("tenant", "umbrella", "current", List.of(), "state", "BEHIND", "pending",
                    List.of("b1", "b2"), "edited", List.of()), tenants.get(3));
            Map<?, ?> unreadable = (Map<?, ?>) tenants.get(4);
            assertEquals(List.of("tenant", "current", "state", "pending", "edited", "failure"), List.copyOf(unreadable.keySet()));
            assertEquals(missing, unreadable.get("tenant"));
            assertEquals("FAILED", unreadable.get("state"));
            assertEquals(true, ((String) unreadable.get("failure")).startsWith("Cannot connect to " + missing),
                    (String) unreadable.get("failure"));
            assertEquals(true, ((String) state.get("summary")).startsWith("5 tenants: 2 at head, 2 behind, 0 at unknown"
                    + " revisions, 1 unreadable, in "), (String) state.get("summary"));
        });
    }

    @Test
    void twoInstancesStartingAtOnceOnPostgresUpgradeEachTenantOnce() throws Exception {
        withPostgresDatabase(url -> {
            execute(url, "CREATE SCHEMA acme", "CREATE SCHEMA globex", "CREATE SCHEMA initech");
            MigrateAutoConfigurationTest.startAtOnce(2, () -> runner(url).withPropertyValues(
                    "migrate.tenants=acme,globex,initech", "migrate.parallel=3", "migrate.lock-timeout=30s")
                    .withUserConfiguration(ReadsEveryTenantAtStartUp.class));
            for (String tenant : TENANTS) {
                assertEquals(List.of("b1x1", "b2x1"), appliedRevisions(url, tenant + ".migrate_history"), tenant);
            }
        });
    }

    // ---- helpers

    @FunctionalInterface
    interface OnDatabase {
        void run(String url) throws Exception;
    }

    /** A PostgreSQL database of the test's own, dropped afterwards; skipped without MIGRATE_TEST_POSTGRES_URL outside CI. */
    private static void withPostgresDatabase(OnDatabase test) throws Exception {
        String server = System.getenv("MIGRATE_TEST_POSTGRES_URL");
        if (server == null || server.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("MIGRATE_TEST_POSTGRES_URL is not set; CI needs PostgreSQL");
            }
            Assumptions.abort("MIGRATE_TEST_POSTGRES_URL is not set");
        }
        String name = "boot_tenants_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(server, "CREATE DATABASE " + name);
        try {
            test.run(server.replaceFirst("/([^/?]+)(\\?|$)", "/" + name + "$2"));
        } finally {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // The test's result matters more than the clean-up.
            }
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
