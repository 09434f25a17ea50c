package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.dialect.SettingNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry of {@code <databases>} has its own {@code <user>}, {@code <serverId>} and
 * {@code <passwordEnv>}: messages about its credentials name them, not {@code migrate.user}.
 */
class DatabaseCredentialsTest {

    @TempDir
    Path dir;

    private static Database analytics() {
        Database entry = new Database("analytics", "jdbc:h2:mem:analytics");
        entry.passwordEnv = "ANALYTICS_PASSWORD";
        return entry;
    }

    @Test
    void thePluginsOwnSettingsAreCoresDefaults() {
        assertEquals(SettingNames.DEFAULT, CredentialPlaces.PLUGIN.names("migrate.url"));
    }

    @Test
    void anEntryNamesItsOwnElements() {
        assertEquals(new SettingNames("<url> of database 'analytics'", "<user> of database 'analytics'",
                "migrate.password, the ANALYTICS_PASSWORD environment variable (<passwordEnv> of database 'analytics'),"
                        + " or the settings.xml <server> named by <serverId> of database 'analytics'"),
                analytics().credentialPlaces().names(analytics().urlSetting()));
        // Without <passwordEnv> the entry's password is in MIGRATE_PASSWORD, as the plugin's.
        assertEquals("migrate.password, the MIGRATE_PASSWORD environment variable, or the settings.xml <server> named"
                + " by <serverId> of database 'main'", new Database("main", "jdbc:h2:mem:main").credentialPlaces().password());
    }

    @Test
    void aPasswordInTheUrlAndElsewhereNamesTheEntrysSettings() {
        Credentials entry = new Credentials(null, null, null, null, "env", null, analytics().credentialPlaces());
        assertEquals("The database password is set in more than one place: in <url> of database 'analytics' and by"
                + " migrate.password, ANALYTICS_PASSWORD (<passwordEnv> of database 'analytics') or the settings.xml"
                + " <server> of <serverId> of database 'analytics'. Keep exactly one; a settings.xml <server> with an"
                + " encrypted password is the safest.", entry.passwordAlsoInUrl(analytics().urlSetting()));
        Credentials plugin = new Credentials(null, null, null, null, "env", null);
        assertEquals("The database password is set in more than one place: in migrate.url and by migrate.password,"
                + " MIGRATE_PASSWORD or the settings.xml <server> of migrate.serverId. Keep exactly one; a settings.xml"
                + " <server> with an encrypted password is the safest.", plugin.passwordAlsoInUrl("migrate.url"));
    }

    @Test
    void twoPasswordsOrTwoUsersNameTheEntrysElements() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> new Credentials("an-db", "app", "s3cret", null, "other", null, analytics().credentialPlaces()).password());
        assertEquals("The database password is set in more than one place: the settings.xml <server> 'an-db'"
                + " (<serverId> of database 'analytics') and the ANALYTICS_PASSWORD environment variable (<passwordEnv> of"
                + " database 'analytics'). Keep exactly one; a settings.xml <server> with an encrypted password is the"
                + " safest.", e.getMessage());
        e = assertThrows(MigrateException.class,
                () -> new Credentials("an-db", "app", null, "admin", null, null, analytics().credentialPlaces()).user());
        assertEquals("The database user is set twice: by <user> of database 'analytics' ('admin') and by the <username>"
                + " of the settings.xml <server> 'an-db' (<serverId> of database 'analytics'). Keep exactly one of them.",
                e.getMessage());
    }

    /** The databases goal path: the entry's settings reach the connection's own advice. */
    @Test
    void aWrongPasswordOfAnEntryNamesItsUserAndPasswordSettings() throws Exception {
        String url = "jdbc:h2:mem:entry_credentials;DB_CLOSE_DELAY=-1";
        Database entry = analytics();
        try (Connection owner = DriverManager.getConnection(url, "owner", "right-one")) {
            ConnectionSettings settings = new ConnectionSettings(url, "owner", "wrong-one", null, "migrate_version", null,
                    null, false, entry.credentialPlaces().names(entry.urlSetting()));
            MavenProject project = new MavenProject();
            project.getBuild().setOutputDirectory(dir.toString());
            MigrateContext context = new MigrateContext(settings, ProjectRevisions.open(List.of(dir.toString()),
                    dir.toFile(), getClass().getClassLoader()), project, new SystemStreamLog());
            MigrateException e = assertThrows(MigrateException.class, () -> context.autogenerateMigrator().current());
            assertTrue(e.getMessage().endsWith(" Check <user> of database 'analytics' and the password (migrate.password,"
                    + " the ANALYTICS_PASSWORD environment variable (<passwordEnv> of database 'analytics'), or the"
                    + " settings.xml <server> named by <serverId> of database 'analytics')."), e.getMessage());
        }
    }
}
