package dev.migrate.junit;

import dev.migrate.index.RevisionIndex;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests a project's migrations against a fresh database per test class, with the project's
 * revisions loaded the way the Maven plugin loads them. Test methods take {@link MigrationChecks},
 * {@link MigrationTester} or {@link javax.sql.DataSource} (the class's database) as parameters.
 *
 * <pre>{@code
 * @MigrateTest
 * class MigrationsTest {
 *     @Test void history(MigrationChecks checks) { checks.singleHead(); checks.stairway(); checks.roundTrip(); }
 *
 *     @Test void statusMapping(MigrationTester t) {
 *         t.upgrade("3f1c2a9b7d10");
 *         t.execute("INSERT INTO tickets(status) VALUES ('open'), ('closed')");
 *         t.upgrade("+1");
 *         assertThat(t.query("SELECT status FROM tickets")).containsExactly("OPEN", "CLOSED");
 *     }
 * }
 * }</pre>
 *
 * <p>The database server is, in this order: {@link #url()}; the system property
 * {@code migrate.test.url}; the environment variable
 * {@code MIGRATE_TEST_POSTGRES_URL}; a Testcontainers PostgreSQL when Testcontainers is on the
 * test class path and Docker answers; else an embedded in-memory H2. On a PostgreSQL server a new
 * database is created per test class (and per check that needs a clean one) and dropped afterwards.
 * Which one was used is published as the report entry {@code migrate.database}.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MigrateExtension.class)
public @interface MigrateTest {

    /** The URL for an embedded H2 database: {@code @MigrateTest(url = MigrateTest.H2)}. */
    String H2 = "jdbc:h2:mem:";

    /**
     * The database server: a PostgreSQL URL such as
     * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} (a database is created on that
     * server for each test class), or {@code jdbc:h2:mem:} for a fresh in-memory H2 database.
     * Empty (the default): see the order above.
     */
    String url() default "";

    /**
     * Revision indexes to use instead of the ones found on the class path (public classes with a
     * public no-argument constructor). Default: every index {@code migrate-processor} generated,
     * found through {@link dev.migrate.index.RevisionIndexLoader}, as the Maven plugin finds them.
     */
    Class<? extends RevisionIndex>[] revisions() default {};

    /**
     * The database whose history the test works with, when revisions name databases
     * ({@code @Revision(database = "analytics")}): {@code @MigrateTest(database = "analytics")}.
     * Empty (the default): the revisions that name no database.
     */
    String database() default "";

    /** The version table, as {@code migrate.versionTable} configures it. */
    String versionTable() default "migrate_version";

    /**
     * Tables that schema comparisons ignore besides migrate's own version and history tables,
     * e.g. tables some other tool maintains.
     */
    String[] ignoreTables() default {};
}
