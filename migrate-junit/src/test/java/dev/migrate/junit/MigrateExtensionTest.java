package dev.migrate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.jupiter.api.condition.EnabledIf;

/** Runs small {@code @MigrateTest} classes through the JUnit Platform and checks what they saw and reported. */
class MigrateExtensionTest {

    static final List<String> SEEN_URLS = new CopyOnWriteArrayList<>();

    private static EngineExecutionResults run(Class<?> testClass) {
        return TestKitSamples.run(testClass);
    }

    private static List<String> reportedDatabases(EngineExecutionResults results) {
        return reported(results, MigrateExtension.REPORT_KEY);
    }

    private static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class).getKeyValuePairs())
                .map(Map::entrySet).flatMap(s -> s.stream())
                .filter(kv -> kv.getKey().equals(key)).map(Map.Entry::getValue)
                .collect(Collectors.toList());
    }

    @Test
    void eachClassGetsAFreshH2DatabaseAndReportsIt() {
        SEEN_URLS.clear();
        EngineExecutionResults results = run(H2Sample.class);
        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        List<String> reported = reportedDatabases(results);
        assertEquals(1, reported.size(), reported::toString);
        assertTrue(reported.get(0).matches("h2 jdbc:h2:mem:mt_h2sample_[0-9a-f]{12};DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE \\(from @MigrateTest\\(url\\)\\)"),
                reported.get(0));
        // The nested class shares the enclosing class's database; every method saw the same one.
        assertEquals(1, SEEN_URLS.stream().distinct().count(), SEEN_URLS::toString);
    }

    @Test
    void postgresDatabaseIsCreatedForTheClassAndDroppedAfterIt() throws Exception {
        DatabaseServer.Postgres server = PostgresServers.require();
        SEEN_URLS.clear();
        EngineExecutionResults results = run(PostgresSample.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertTrue(reportedDatabases(results).get(0).contains("(from environment variable MIGRATE_TEST_POSTGRES_URL)"));
        String url = SEEN_URLS.get(0);
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        assertTrue(name.startsWith("mt_postgressample_"), name);
        assertNotEquals(server.adminUrl(), url);
        try (Connection admin = DriverManager.getConnection(server.adminUrl());
             Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "the class's database is dropped after the class");
        }
    }

    @Test
    void documentedExampleRunsOnH2AndReportsTimings() {
        EngineExecutionResults results = TestKitSamples.run(ExampleOnH2.class);
        results.testEvents().assertStatistics(s -> s.succeeded(8).failed(0).aborted(0)); // includes the lint
        List<String> timings = reported(results, MigrateExtension.TIMINGS_KEY);
        assertEquals(1, timings.size(), timings::toString);
        for (String step : List.of("a1 upgrade ", "b2 upgrade ", "c3 upgrade ", "a1 downgrade ", "b2 downgrade ", "c3 downgrade ")) {
            assertTrue(timings.get(0).contains(step), timings.get(0));
        }
    }

    @Test
    void documentedExampleRunsOnPostgres() {
        PostgresServers.require();
        EngineExecutionResults results = TestKitSamples.run(ExampleOnPostgres.class);
        results.testEvents().assertStatistics(s -> s.succeeded(8).failed(0).aborted(0)); // includes the lint
        assertTrue(reportedDatabases(results).get(0).startsWith("postgresql jdbc:postgresql:"), reportedDatabases(results)::toString);
    }

    // ---- sample classes, run only through EngineTestKit (surefire skips nested classes) ----

    @Test
    void aTestClassWorksWithTheHistoryOfItsDatabase() {
        TestKitSamples.run(AnalyticsSample.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        TestKitSamples.run(DefaultDatabaseSample.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.TwoDatabases.class, database = "analytics")
    static class AnalyticsSample {

        @Test
        void upgradesOnlyTheAnalyticsHistory(MigrationTester tester) {
            tester.upgrade("head");
            assertEquals("[0]", tester.query("SELECT count(*) FROM daily_facts").toString());
            assertEquals("[0]", tester.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'tickets'").toString());
        }

        @TestFactory
        Stream<DynamicTest> everyCheckPasses(MigrationChecks checks) {
            return Stream.of(DynamicTest.dynamicTest("roundTrip", checks::roundTrip));
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.TwoDatabases.class)
    static class DefaultDatabaseSample {

        @Test
        void upgradesTheRevisionsThatNameNoDatabase(MigrationTester tester) {
            tester.upgrade("head");
            assertEquals("[0]", tester.query("SELECT count(*) FROM tickets").toString());
            assertEquals("[0]", tester.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'daily_facts'").toString());
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.Good.class)
    static class H2Sample {

        @Test
        void testerRunsStatementsOnTheClassDatabase(MigrationTester tester) {
            SEEN_URLS.add(url(tester.dataSource()));
            tester.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(20))");
            tester.execute("INSERT INTO notes VALUES (1, 'a'), (2, 'b')");
            assertEquals(List.of("a", "b"), tester.query("SELECT body FROM notes ORDER BY id"));
        }

        @Test
        void dataSourceIsTheSameDatabase(DataSource dataSource) throws Exception {
            SEEN_URLS.add(url(dataSource));
        }

        @Nested
        class Inner {
            @Test
            void sharesTheDatabase(MigrationTester tester) {
                SEEN_URLS.add(url(tester.dataSource()));
            }
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest
    static class PostgresSample {
        @Test
        void seesItsDatabase(DataSource dataSource) {
            SEEN_URLS.add(url(dataSource));
        }
    }

    /** DESIGN's example, on the history a1 (tickets) - b2 (priority) - c3 (status upper-cased). */
    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(revisions = Histories.Good.class)
    static class ExampleOnPostgres {
        @Test
        void history(MigrationChecks checks) {
            checks.singleHead();
            checks.stairway();
            checks.roundTrip();
        }

        @Test
        void statusMapping(MigrationTester t) {
            t.upgrade("b2");
            t.execute("INSERT INTO tickets(id, status) VALUES (1, 'open'), (2, 'closed')");
            t.upgrade("+1");
            assertEquals(List.of("OPEN", "CLOSED"), t.query("SELECT status FROM tickets ORDER BY id"));
        }

        @TestFactory
        Stream<DynamicTest> perRevision(MigrationChecks checks) {
            return checks.perRevision();
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.Good.class)
    static class ExampleOnH2 extends ExampleOnPostgres {
    }

    static String url(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
