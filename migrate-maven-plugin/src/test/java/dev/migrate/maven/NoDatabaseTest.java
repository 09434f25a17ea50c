package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** Goals that need migrate.url say so in their own terms when it is missing. */
class NoDatabaseTest {

    private static final ConnectionSettings NO_URL = new ConnectionSettings(null, null, null, null, "migrate_version",
            null, null, false);

    @Test
    void offlineSqlNeedsTheUrlForItsDialect() {
        MigrateContext context = new MigrateContext(NO_URL, null, null, new SystemStreamLog());
        MigrateException e = assertThrows(MigrateException.class, context::offlineMigrator);
        assertEquals("Offline SQL (migrate.sql) needs migrate.url to choose the SQL dialect; no connection is opened."
                + " Set it, e.g. -Dmigrate.url=jdbc:postgresql://localhost:5432/app.", e.getMessage());
    }

    @Test
    void onlineGoalsNeedTheUrl() {
        MigrateContext context = new MigrateContext(NO_URL, null, null, new SystemStreamLog());
        MigrateException e = assertThrows(MigrateException.class, context::migrator);
        assertEquals("No database configured: set migrate.url, e.g. -Dmigrate.url=jdbc:h2:./target/app on the command"
                + " line or <url> in the plugin's <configuration>.", e.getMessage());
    }

    @Test
    void historyRangeAtCurrentNeedsTheDatabase() {
        HistoryMojo.requireNoCurrent("base:heads");
        HistoryMojo.requireNoCurrent("-3:");
        MigrateException e = assertThrows(MigrateException.class, () -> HistoryMojo.requireNoCurrent("-3:current"));
        assertEquals("migrate.range is '-3:current', which starts or ends at current, the database's revision, but no"
                + " database is configured. Set migrate.url, or give the range by revision, e.g."
                + " -Dmigrate.range=base:head.", e.getMessage());
    }
}
