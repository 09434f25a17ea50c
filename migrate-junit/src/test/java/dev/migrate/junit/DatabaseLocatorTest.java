package dev.migrate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseLocatorTest {

    private static final String PG = "jdbc:postgresql://db.example:5432/postgres?user=ci";

    private static DatabaseLocator locator(String property, Map<String, String> environment) {
        return new DatabaseLocator(name -> DatabaseLocator.URL_PROPERTY.equals(name) ? property : null, environment, false);
    }

    @Test
    void annotationUrlComesFirst() {
        LocatedServer located = locator(PG, Map.of(DatabaseLocator.URL_VARIABLE, PG)).locate(MigrateTest.H2);
        assertInstanceOf(DatabaseServer.H2.class, located.server());
        assertEquals("@MigrateTest(url)", located.origin());
    }

    @Test
    void systemPropertyBeforeEnvironment() {
        LocatedServer located = locator(PG, Map.of(DatabaseLocator.URL_VARIABLE, "jdbc:postgresql://other/x")).locate("");
        assertEquals(new DatabaseServer.Postgres(PG, null, null), located.server());
        assertEquals("system property migrate.test.url", located.origin());
    }

    @Test
    void environmentBeforeFallback() {
        LocatedServer located = locator(null, Map.of(DatabaseLocator.URL_VARIABLE, PG)).locate("");
        assertEquals(new DatabaseServer.Postgres(PG, null, null), located.server());
        assertEquals("PostgreSQL jdbc:postgresql://db.example:5432/postgres?user=ci (from environment variable"
                + " MIGRATE_TEST_POSTGRES_URL)", located.describe());
    }

    @Test
    void embeddedH2WhenNothingIsConfigured() {
        LocatedServer located = locator(" ", Map.of()).locate("");
        assertEquals("embedded H2 (in memory) (from fallback: no migrate.test.url, no MIGRATE_TEST_POSTGRES_URL, no Docker)",
                located.describe());
    }

    @Test
    void unsupportedUrlNamesTheSettingAndMasksThePassword() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> locator("jdbc:h2:file:./target/db;PASSWORD=secret", Map.of()).locate(""));
        assertEquals("The test database URL 'jdbc:h2:file:./target/db;PASSWORD=***' from system property migrate.test.url is"
                + " not supported: use a PostgreSQL server URL (jdbc:postgresql://host:5432/postgres?user=...) or a MariaDB one"
                + " (jdbc:mariadb://host:3306/test?user=...), on which a database is created per test class, or"
                + " jdbc:h2:mem: for a fresh in-memory H2 database.", e.getMessage());
    }

    @Test
    void freshDatabaseUrlKeepsHostAndParameters() {
        assertEquals("jdbc:postgresql://h:5432/mt_x?user=ci&ssl=true",
                new DatabaseServer.Postgres("jdbc:postgresql://h:5432/postgres?user=ci&ssl=true", null, null).urlFor("mt_x"));
        assertEquals("jdbc:postgresql://h/mt_x", new DatabaseServer.Postgres("jdbc:postgresql://h", null, null).urlFor("mt_x"));
        assertEquals("jdbc:postgresql:mt_x", new DatabaseServer.Postgres("jdbc:postgresql:postgres", null, null).urlFor("mt_x"));
    }

    @Test
    void databaseNamesAreUniqueAndWithinPostgresLimits() {
        String name = DatabaseServer.uniqueName("A very-long test class name that goes on and on and on");
        assertEquals(true, name.matches("mt_[a-z0-9_]{1,40}_[0-9a-f]{12}"), name);
        assertEquals(false, name.equals(DatabaseServer.uniqueName("A very-long test class name that goes on and on and on")));
    }

    @Test
    void databasesAndServersNeverPrintPasswords() {
        FreshDatabase database = new FreshDatabase("postgresql", "jdbc:postgresql://h/db?user=u&password=inurl", "u", "separate", () -> { });
        assertEquals("postgresql jdbc:postgresql://h/db?user=u&password=***", database.toString());
        DatabaseServer server = new DatabaseServer.Postgres("jdbc:postgresql://h/postgres?password=inurl", "u", "separate");
        assertEquals("PostgreSQL jdbc:postgresql://h/postgres?password=*** (from x)", new LocatedServer(server, "x").describe());
    }
}
