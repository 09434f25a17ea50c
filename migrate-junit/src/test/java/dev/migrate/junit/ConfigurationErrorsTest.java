package dev.migrate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.migrate.MigrateException;
import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndex;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every mistake a user can make in setting up {@code @MigrateTest}, and the message that says what to do. */
class ConfigurationErrorsTest {

    @Test
    void noRevisionIndexOnTheClassPath() {
        TestKitSamples.run(NoRevisionsSample.class).testEvents().assertThatEvents().haveExactly(1, event(test("history"),
                finishedWithFailure(instanceOf(MigrateException.class), message("No revisions found in the revision indexes on"
                        + " the class path of " + NoRevisionsSample.class.getName() + ". Check that migrate-processor runs as an"
                        + " annotation processor in the module with the @Revision classes (mvn compile generates the index),"
                        + " or list indexes in @MigrateTest(revisions = ...)."))));
    }

    @Test
    void revisionIndexThatCannotBeInstantiated() {
        MigrateTest annotation = UninstantiableSample.class.getAnnotation(MigrateTest.class);
        MigrateException e = assertThrows(MigrateException.class,
                () -> RevisionSet.forTestClass(UninstantiableSample.class, annotation));
        assertTrue(e.getMessage().startsWith("@MigrateTest(revisions) lists " + NoConstructor.class.getName()
                + ", which cannot be instantiated ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("Make it a public class (static if nested) with a public no-argument constructor."),
                e.getMessage());
    }

    @Test
    void extensionWithoutTheAnnotation() {
        TestKitSamples.run(ExtendWithOnlySample.class).allEvents().assertThatEvents().haveExactly(1, event(
                finishedWithFailure(message(ExtendWithOnlySample.class.getName() + " uses MigrateExtension without"
                        + " @MigrateTest. Annotate the class with @MigrateTest instead of @ExtendWith."))));
    }

    @Test
    void unreachableServerNamesHostAndPortButNotThePassword() {
        DatabaseServer server = new DatabaseServer.Postgres("jdbc:postgresql://127.0.0.1:1/postgres?user=ci&password=secret",
                null, null);
        MigrateException e = assertThrows(MigrateException.class, () -> new ClassState(new LocatedServer(server, "the test"),
                getClass(), Histories.good().set(), new TestSettings("migrate_version", List.of(), getClass().getClassLoader()))
                .classSession());
        assertTrue(e.getMessage().startsWith("Cannot create a test database on PostgreSQL"
                + " jdbc:postgresql://127.0.0.1:1/postgres?user=ci&password=*** (from the test): "), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" Check that the server is running and that the user may CREATE DATABASE."), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aServerWhoseDriverIsMissingSaysWhichDriverToAdd() throws Exception {
        // As a project whose test class path lacks the MariaDB driver: DriverManager knows none for the URL.
        List<java.sql.Driver> mariaDbDrivers = java.util.Collections.list(java.sql.DriverManager.getDrivers()).stream()
                .filter(driver -> driver.getClass().getName().startsWith("org.mariadb.")).toList();
        assertFalse(mariaDbDrivers.isEmpty());
        for (java.sql.Driver driver : mariaDbDrivers) {
            java.sql.DriverManager.deregisterDriver(driver);
        }
        try {
            DatabaseServer server = new DatabaseServer.MariaDb("jdbc:mariadb://127.0.0.1:1/test?user=ci&password=secret",
                    null, null);
            MigrateException e = assertThrows(MigrateException.class, () -> new ClassState(new LocatedServer(server, "the test"),
                    getClass(), Histories.good().set(), new TestSettings("migrate_version", List.of(), getClass().getClassLoader()))
                    .classSession());
            assertEquals("Cannot create a test database on MariaDB jdbc:mariadb://127.0.0.1:1/test?user=ci&password=***"
                    + " (from the test): no JDBC driver for 'jdbc:mariadb:' URLs is on the test class path. Add the database's"
                    + " driver as a test dependency (org.mariadb.jdbc:mariadb-java-client).", e.getMessage());
        } finally {
            for (java.sql.Driver driver : mariaDbDrivers) {
                java.sql.DriverManager.registerDriver(driver);
            }
        }
    }

    @Test
    void failingTestStatementNamesTheStatementAndSqlState() {
        try (DatabaseSession session = new DatabaseSession(new DatabaseServer.H2().create("errors"), Histories.good().set(),
                new TestSettings("migrate_version", List.of(), getClass().getClassLoader()))) {
            MigrateException e = assertThrows(MigrateException.class, () -> new MigrationTester(session).query("SELECT * FROM nope"));
            assertTrue(e.getMessage().startsWith("Test statement failed on h2 jdbc:h2:mem:mt_errors_"), e.getMessage());
            assertTrue(e.getMessage().contains(": SELECT * FROM nope" + System.lineSeparator()), e.getMessage());
            assertTrue(e.getMessage().endsWith("(SQLState 42S04, vendor code 42104)"), e.getMessage());
        }
    }

    @Test
    void reportEntryKeyIsStable() {
        assertEquals("migrate.database", MigrateExtension.REPORT_KEY);
    }

    // ---- samples ----

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2)
    static class NoRevisionsSample {
        @Test
        void history(MigrationChecks checks) {
            checks.singleHead();
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @ExtendWith(MigrateExtension.class)
    static class ExtendWithOnlySample {
        @Test
        void nothing() {
        }
    }

    @MigrateTest(url = MigrateTest.H2, revisions = NoConstructor.class)
    static class UninstantiableSample {
    }

    /** A revision index without a no-argument constructor. */
    public static final class NoConstructor implements RevisionIndex {
        public NoConstructor(String unused) {
        }

        @Override
        public List<IndexedRevision> revisions() {
            return List.of();
        }
    }
}
