package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mistake in {@code <databases>} and {@code migrate.database} is one clear message. */
class DatabaseSelectionTest {

    private static final List<RevisionDescriptor> REVISIONS = List.of(
            new RevisionDescriptor("m1", List.of(), List.of(), List.of(), "", "app.M1"),
            new RevisionDescriptor("a1", List.of(), List.of(), List.of(), "", "app.A1", "analytics"));

    private static List<Database> both() {
        return List.of(new Database("main", "jdbc:postgresql://db/main?password=secret"),
                new Database("analytics", "jdbc:postgresql://db/analytics"));
    }

    private static String error(List<Database> configured, JdbcUrl url, String wanted, boolean oneOnly,
            List<RevisionDescriptor> revisions) {
        return assertThrows(MigrateException.class,
                () -> Database.select(configured, url, wanted, oneOnly, "revision", revisions)).getMessage();
    }

    @Test
    void allInOrderOrTheOneNamed() {
        assertEquals(List.of("main", "analytics"),
                Database.select(both(), null, null, false, "upgrade", REVISIONS).stream().map(d -> d.name).toList());
        assertEquals(List.of("analytics"),
                Database.select(both(), null, " analytics ", true, "revision", REVISIONS).stream().map(d -> d.name).toList());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("migrate.database is 'analytcs', which <databases> does not list. Choose one of: main, analytics.",
                error(both(), null, "analytcs", false, REVISIONS));
        assertEquals("migrate:revision writes a revision of one database's history; choose it with"
                + " -Dmigrate.database=NAME (one of: main, analytics).", error(both(), null, null, true, REVISIONS));
        assertEquals("Both migrate.url (jdbc:h2:mem:x) and <databases> are set. With several databases, give each its"
                + " <url> in <databases> and select one with -Dmigrate.database=NAME.",
                error(both(), JdbcUrl.of("jdbc:h2:mem:x"), null, false, REVISIONS));
        assertEquals("Revision 'a1' (app.A1) names database 'analytics', which <databases> does not list (main). Add it"
                + " to <databases>, or fix @Revision(database = ...).",
                error(List.of(new Database("main", "jdbc:h2:mem:m")), null, null, false, REVISIONS));
        assertEquals("<databases> lists 'main' twice; give each database one entry.",
                error(List.of(new Database("main", "jdbc:h2:mem:m"), new Database("main", "jdbc:h2:mem:n")), null, null,
                        false, REVISIONS));
        String missingUrl = error(List.of(new Database("main", null)), null, null, false, REVISIONS);
        assertEquals("The <database> 'main' in <databases> has no <url> (or it names an environment variable or property"
                + " that is not set); give its JDBC URL.", missingUrl);
        String missingName = error(List.of(new Database(" ", "jdbc:postgresql://db/main?password=secret")), null, null,
                false, REVISIONS);
        assertEquals("Every <database> in <databases> needs a <name> (what @Revision(database = ...) and -Dmigrate.database"
                + " use); the one with url jdbc:postgresql://db/main?password=*** has none.", missingName);
    }

    @Test
    void theUrlsPasswordNeverShows() {
        assertEquals("Database[name=main, url=jdbc:postgresql://db/main?password=***, user=null, serverId=null,"
                + " passwordEnv=null, schema=null, versionTable=null]", both().get(0).toString());
    }
}
