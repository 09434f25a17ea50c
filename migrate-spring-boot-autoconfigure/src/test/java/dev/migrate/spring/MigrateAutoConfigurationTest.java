package dev.migrate.spring;

import static dev.migrate.spring.StartUpRecords.appliedRevisions;
import static dev.migrate.spring.StartUpRecords.cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Start-up migration through Spring Boot's own context runner, on H2, PostgreSQL and MariaDB. */
class MigrateAutoConfigurationTest {

    private static ApplicationContextRunner runner(String url) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DriverManagerDataSource(url));
    }

    private static String h2() {
        return "jdbc:h2:mem:boot_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    }

    /** A bean that reads the schema when it is created, as an EntityManagerFactory validating it would. */
    @Configuration(proxyBeanMethods = false)
    static class ReadsTheSchemaAtStartUp {
        @Bean
        @DependsOnDatabaseInitialization
        TicketCount ticketCount(DataSource dataSource) {
            return new TicketCount(new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM ticket WHERE status IS NULL",
                    Long.class));
        }
    }

    record TicketCount(Long value) {
    }

    @Test
    void startUpUpgradesBeforeBeansThatInitialiseFromTheDatabase() {
        runner(h2()).withUserConfiguration(ReadsTheSchemaAtStartUp.class).run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertEquals(0L, context.getBean(TicketCount.class).value());
            assertEquals(List.of("b2"), context.getBean(Migrator.class).current());
        });
    }

    @Test
    void anApplicationWithoutARevisionIndexIsWarnedAboutInsteadOfStartingSilently() {
        // As an application whose revisions were compiled without migrate-processor: no index to load.
        FilteredClassLoader noIndex = new FilteredClassLoader(
                new ClassPathResource("META-INF/services/dev.migrate.index.RevisionIndex"));
        for (String mode : List.of("upgrade", "validate")) {
            List<String> warnings = warningsWhile(() -> runner(h2()).withClassLoader(noIndex)
                    .withPropertyValues("migrate.mode=" + mode).run(context -> {
                        assertEquals(null, context.getStartupFailure());
                        assertEquals(List.of(), context.getBean(Migrator.class).current());
                    }));
            assertEquals(List.of("WARNING dev.migrate: " + MigrateInitializer.NO_REVISIONS), warnings, mode);
        }
        List<String> withIndex = warningsWhile(() -> runner(h2()).run(context -> assertEquals(null, context.getStartupFailure())));
        assertEquals(List.of(), withIndex);
    }

    @Test
    void validateModeFailsStartUpOnAPendingRevisionWithTheMessage() {
        runner(h2()).withPropertyValues("migrate.mode=validate").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            MigrateException cause = cause(failure, MigrateException.class);
            assertEquals("migrate.mode=validate: the database is at base and 2 revisions are pending: b1, b2. Upgrade it"
                    + " (migrate.mode=upgrade, or mvn migrate:upgrade) before starting the application.", cause.getMessage());
            FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(failure);
            assertEquals("migrate stopped the application's start-up: " + cause.getMessage(), analysis.getDescription());
            assertTrue(analysis.getAction().contains("mvn migrate:check"), analysis.getAction());
        });
    }

    /**
     * A negative timeout or a parallelism under 1 stops start-up as Spring Boot's bind failure: the
     * property in the application's terms, where it came from, and migrate's reason.
     */
    @Test
    void outOfRangeSettingsFailStartUpNamingTheProperty() {
        Map<String, String> reasons = Map.of(
                "migrate.lock-timeout=-5s", "migrate.lock-timeout is negative (-5000 ms); set it to zero or a positive"
                        + " duration (e.g. 30s), or leave it out for the default.",
                "migrate.ddl-lock-timeout=-1ms", "migrate.ddl-lock-timeout is negative (-1 ms); set it to zero or a"
                        + " positive duration (e.g. 30s), or leave it out for the default.",
                "migrate.parallel=0", "migrate.parallel is 0; give how many tenants may be migrated at once, 1 or more"
                        + " (e.g. migrate.parallel=4).");
        reasons.forEach((setting, reason) -> runner(h2()).withPropertyValues(setting).run(context -> {
            Throwable failure = context.getStartupFailure();
            org.springframework.boot.context.properties.bind.BindException bind =
                    cause(failure, org.springframework.boot.context.properties.bind.BindException.class);
            assertEquals(setting.substring(0, setting.indexOf('=')), bind.getProperty().getName().toString());
            assertEquals(reason, cause(failure, IllegalArgumentException.class).getMessage());
            FailureAnalysis analysis = bindFailureAnalysis(failure);
            assertTrue(analysis.getDescription().contains(reason), analysis.getDescription());
        }));
    }

    /** An unknown migrate.target names the property: the resolver's message alone does not say where the text came from. */
    @Test
    void anUnknownTargetNamesTheProperty() {
        for (String mode : List.of("upgrade", "validate")) {
            runner(h2()).withPropertyValues("migrate.target=b9", "migrate.mode=" + mode).run(context -> {
                Throwable failure = context.getStartupFailure();
                String message = cause(failure, MigrateException.class).getMessage();
                assertTrue(message.startsWith("migrate.target is 'b9': Unknown revision or branch label 'b9'."), message);
                assertEquals("migrate stopped the application's start-up: " + message,
                        new MigrateFailureAnalyzer().analyze(failure).getDescription());
            });
        }
        runner(h2()).withPropertyValues("migrate.target=b9", "migrate.tenants=acme").run(context -> {
            String message = cause(context.getStartupFailure(), MigrateException.class).getMessage();
            assertTrue(message.startsWith("migrate.target is 'b9': Unknown revision or branch label 'b9'."), message);
        });
    }

    /** Spring Boot's own analysis of a bind failure, as start-up prints it (its package moved in Boot 4). */
    private static FailureAnalysis bindFailureAnalysis(Throwable failure) throws ReflectiveOperationException {
        for (String name : List.of("org.springframework.boot.context.properties.bind.BindFailureAnalyzer",
                "org.springframework.boot.diagnostics.analyzer.BindFailureAnalyzer")) {
            try {
                var constructor = Class.forName(name).getDeclaredConstructor();
                constructor.setAccessible(true);
                FailureAnalysis analysis = ((org.springframework.boot.diagnostics.FailureAnalyzer) constructor.newInstance())
                        .analyze(failure);
                if (analysis != null) {
                    return analysis;
                }
            } catch (ClassNotFoundException e) {
                // the other Spring Boot generation's package
            }
        }
        throw new AssertionError("Spring Boot's BindFailureAnalyzer does not analyze " + failure, failure);
    }

    @Test
    void validateModePassesAtHeadAndNoneDoesNothing() {
        String url = h2();
        runner(url).run(context -> assertEquals(null, context.getStartupFailure()));
        runner(url).withPropertyValues("migrate.mode=validate").run(context -> assertEquals(null, context.getStartupFailure()));
        String fresh = h2();
        runner(fresh).withPropertyValues("migrate.mode=none").run(context ->
                assertEquals(List.of(), context.getBean(Migrator.class).current()));
        runner(fresh).withPropertyValues("migrate.enabled=false").run(context ->
                assertEquals(0, context.getBeansOfType(Migrator.class).size()));
    }

    @Test
    void severalHeadsFailStartUp() {
        String url = h2();
        List<dev.migrate.index.IndexedRevision> twoHeads = List.of(TestRevisions.HISTORY.get(0),
                TestRevisions.revision("x2", List.of("b1"), op -> op.execute("SELECT 1"), op -> op.execute("SELECT 1")),
                TestRevisions.revision("y2", List.of("b1"), op -> op.execute("SELECT 1"), op -> op.execute("SELECT 1")));
        runner(url).withBean(Migrator.class, () -> Migrator.builder().url(url).revisions(twoHeads).build()).run(context -> {
            MigrateException cause = cause(context.getStartupFailure(), MigrateException.class);
            assertTrue(cause.getMessage().contains("x2") && cause.getMessage().contains("y2"), cause.getMessage());
        });
    }

    private static final String B1_EDITED = "1 applied revision was edited since it ran here: b1 (app.Rev_b1)";

    /** Start-up on {@code url} with b1 edited since it ran and b3 new ({@link TestRevisions#B1_EDITED_B3_PENDING}). */
    private static ApplicationContextRunner afterB1WasEdited(String url) {
        return runner(url).withBean(Migrator.class,
                () -> Migrator.builder().url(url).revisions(TestRevisions.B1_EDITED_B3_PENDING).build());
    }

    @Test
    void anAppliedRevisionEditedSinceFailsStartUpBeforeAnythingRunsNamingIt() {
        String url = h2();
        runner(url).run(context -> assertEquals(null, context.getStartupFailure()));
        afterB1WasEdited(url).run(context -> {
            Throwable failure = context.getStartupFailure();
            MigrateException cause = cause(failure, MigrateException.class);
            assertEquals("migrate.validate-on-upgrade: " + B1_EDITED + ", so nothing was run. Restore each as it was and"
                    + " put the change into a new revision (`mvn migrate:revision`); migrate.validate-on-upgrade=false"
                    + " starts with a warning instead.", cause.getMessage());
            assertEquals("migrate stopped the application's start-up: " + cause.getMessage(),
                    new MigrateFailureAnalyzer().analyze(failure).getDescription());
        });
        // b3 was not run: the database is as the edit found it.
        assertEquals(List.of("b2"), Migrator.builder().url(url).build().current());
    }

    @Test
    void withValidateOnUpgradeFalseAnEditedRevisionIsOneWarningAndTheUpgradeGoesOn() {
        String url = h2();
        runner(url).run(context -> assertEquals(null, context.getStartupFailure()));
        List<String> warnings = warningsWhile(() -> afterB1WasEdited(url).withPropertyValues("migrate.validate-on-upgrade=false")
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertEquals(List.of("b3"), context.getBean(Migrator.class).current());
                    List<?> edited = (List<?>) context.getBean(MigrateEndpoint.class).migrate().get("edited");
                    assertEquals(List.of("b1 app.Rev_b1"), edited.stream().map(Map.class::cast)
                            .map(one -> one.get("revision") + " " + one.get("class")).toList());
                }));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("WARNING dev.migrate: Revision b1 (app.Rev_b1) was edited after it was"
                + " applied here on "), warnings.get(0));
        assertTrue(warnings.get(0).endsWith(": its SQL no longer matches the checksum recorded then, and upgrade does not"
                + " run it again. Restore it and put the change into a new revision; migrate.validate-on-upgrade=true makes"
                + " this an error."), warnings.get(0));
    }

    /** Validate fails on an edited revision as Flyway's validate does on a checksum mismatch, whatever validate-on-upgrade says. */
    @Test
    void validateModeFailsOnAnAppliedRevisionEditedSinceNamingIt() {
        String url = h2();
        runner(url).run(context -> assertEquals(null, context.getStartupFailure()));
        afterB1WasEdited(url).withPropertyValues("migrate.mode=validate", "migrate.validate-on-upgrade=false").run(context ->
                assertEquals("migrate.mode=validate: " + B1_EDITED + ". Restore each as it was and put the change into a new"
                        + " revision (`mvn migrate:revision`).",
                        cause(context.getStartupFailure(), MigrateException.class).getMessage()));
    }

    /** Test code that may throw. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /**
     * What {@code action} logged (through java.util.logging, where Spring's and the drivers' logging go
     * here) at WARNING or above; an exception it throws fails the test.
     */
    static List<String> warningsWhile(Action action) {
        List<String> logged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    logged.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(handler);
        try {
            action.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            root.removeHandler(handler);
        }
        return List.copyOf(logged);
    }

    @Test
    void theActuatorEndpointShowsCurrentPendingAndHistory() {
        runner(h2()).run(context -> {
            Map<String, Object> state = context.getBean(MigrateEndpoint.class).migrate();
            assertEquals(List.of("b2"), state.get("current"));
            assertEquals(List.of(), state.get("pending"));
            assertEquals(List.of(), state.get("edited"));
            assertEquals(List.of(), state.get("interrupted"));
            assertEquals(2, ((List<?>) state.get("history")).size());
        });
    }

    @Test
    void theActuatorEndpointNamesARevisionTheCodeDoesNotKnowInsteadOfFailing() {
        runner(h2()).run(context -> {
            // Newer code (another instance) upgraded the database past what this one knows.
            new JdbcTemplate(context.getBean(DataSource.class)).update("UPDATE \"migrate_version\" SET \"version_num\" = 'c3'");
            Map<String, Object> state = context.getBean(MigrateEndpoint.class).migrate();
            assertEquals(List.of("c3"), state.get("current"));
            assertEquals(List.of("c3"), state.get("unknown"));
            assertEquals(List.of(), state.get("pending"));
        });
    }

    @Test
    void fourInstancesStartingAtOnceOnPostgresApplyEachRevisionOnce() throws Exception {
        String server = serverUrl("MIGRATE_TEST_POSTGRES_URL", "PostgreSQL");
        String name = "boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = server.replaceFirst("/([^/?]+)(\\?|$)", "/" + name + "$2");
        try {
            assertEquals(List.of(), startFourInstancesAtOnce(url), "warnings or errors logged while the instances started");
            assertEquals(List.of("b1x1", "b2x1"), appliedRevisions(url, "migrate_history"));
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // The test's result matters more than the clean-up.
            }
        }
    }

    /**
     * On MariaDB the run lock is GET_LOCK on a connection of its own: the instances that waited for it find
     * the database at head, start, and log nothing above INFO (MariaDB Connector/J logs every statement the
     * server refuses as a warning, so a waiting instance that tripped over the first one's tables would show).
     */
    @Test
    void fourInstancesStartingAtOnceOnMariaDbApplyEachRevisionOnceAndLogNoWarning() throws Exception {
        String server = serverUrl("MIGRATE_TEST_MARIADB_URL", "MariaDB");
        String name = "boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "`");
        }
        String url = server.replaceFirst("/([^/?]+)(\\?|$)", "/" + name + "$2");
        try {
            assertEquals(List.of(), startFourInstancesAtOnce(url), "warnings or errors logged while the instances started");
            assertEquals(List.of("b1x1", "b2x1"), appliedRevisions(url, "migrate_history"));
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (SQLException ignored) {
                // The test's result matters more than the clean-up.
            }
        }
    }

    /** The server URL from {@code variable}; without it the test is skipped, or fails with CI=true. */
    private static String serverUrl(String variable, String database) {
        String server = System.getenv(variable);
        if (server == null || server.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(variable + " is not set; CI needs " + database);
            }
            Assumptions.abort(variable + " is not set");
        }
        return server;
    }

    /**
     * Starts four application contexts on {@code url} at the same moment, each with a bean that reads the
     * schema at start-up, asserts that every one started, and returns what was logged (through
     * java.util.logging, where Spring's and the drivers' logging go here) at WARNING or above meanwhile.
     */
    private static List<String> startFourInstancesAtOnce(String url) {
        return warningsWhile(() -> startAtOnce(4, () -> runner(url).withPropertyValues("migrate.lock-timeout=30s")
                .withUserConfiguration(ReadsTheSchemaAtStartUp.class)));
    }

    /** Starts {@code count} application contexts from {@code runner} at the same moment and asserts that every one started. */
    static void startAtOnce(int count, java.util.function.Supplier<ApplicationContextRunner> runner) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Throwable>> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instances.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Throwable[] failure = new Throwable[1];
                runner.get().run(context -> failure[0] = context.getStartupFailure());
                return failure[0];
            }));
        }
        start.countDown();
        for (CompletableFuture<Throwable> instance : instances) {
            assertEquals(null, instance.get());
        }
    }
}
