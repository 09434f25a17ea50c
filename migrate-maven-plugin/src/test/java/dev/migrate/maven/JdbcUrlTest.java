package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The user a URL names, which the drivers connect as whatever migrate.user says. */
class JdbcUrlTest {

    @Test
    void theUserTheUrlNames() {
        assertEquals("postgres", JdbcUrl.of("jdbc:postgresql://127.0.0.1:5432/app?user=postgres").user());
        assertEquals("root", JdbcUrl.of("jdbc:mariadb://127.0.0.1:3306/app?sslMode=disable&USER=root").user());
        assertEquals("sa", JdbcUrl.of("jdbc:h2:./target/app;DATABASE_TO_LOWER=TRUE;USER=sa").user());
        assertEquals("app", JdbcUrl.of("jdbc:mariadb://app:S3cret@db:3306/app").user());
        assertNull(JdbcUrl.of("jdbc:postgresql://127.0.0.1:5432/app?password=x").user());
        assertNull(JdbcUrl.of("jdbc:h2:./target/app;DATABASE_TO_LOWER=TRUE").user());
    }

    @Test
    void theUrlsUserIsTheOneConnectingAndADifferentConfiguredOneIsNamedAsUnused() {
        JdbcUrl url = JdbcUrl.of("jdbc:postgresql://127.0.0.1:5432/newcomer?user=postgres");
        assertEquals("postgres", url.connectingUser("sa"));
        assertEquals("migrate.url names the user 'postgres', which the driver connects as; the user 'sa' of"
                + " migrate.user (or of the settings.xml <server>) is not used.", url.ignoredUserNote("sa", "migrate.url"));
        assertNull(url.ignoredUserNote("postgres", "migrate.url"));
        assertNull(url.ignoredUserNote(null, "migrate.url"));

        JdbcUrl plain = JdbcUrl.of("jdbc:postgresql://127.0.0.1:5432/newcomer");
        assertEquals("sa", plain.connectingUser("sa"));
        assertNull(plain.ignoredUserNote("sa", "migrate.url"));
    }

    @Test
    void theDatabaseLineNamesTheUserThatConnects() {
        JdbcUrl url = JdbcUrl.of("jdbc:postgresql://127.0.0.1:5432/newcomer?user=postgres");
        ConnectionSettings settings = new ConnectionSettings(url.value(), url.connectingUser("sa"), null, null,
                "migrate_version", java.time.Duration.ofSeconds(60), null, false);
        assertEquals("Database jdbc:postgresql://127.0.0.1:5432/newcomer?user=postgres (user postgres, version table"
                + " migrate_version)", MigrateContext.databaseLine(settings));
    }
}
