package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void serverGivesUserAndPassword() {
        Credentials credentials = new Credentials("prod", "app", "s3cret", null, null, null);
        assertEquals("app", credentials.user());
        assertEquals("s3cret", credentials.password());
    }

    @Test
    void environmentOrPropertyAloneGivesThePassword() {
        assertEquals("env", new Credentials(null, null, null, "u", "env", null).password());
        assertEquals("prop", new Credentials(null, null, null, "u", null, "prop").password());
        assertNull(new Credentials(null, null, null, null, null, null).password());
        assertNull(new Credentials(null, null, null, null, "", "").password());
    }

    @Test
    void passwordInTwoPlacesIsRejectedWithoutShowingIt() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> new Credentials("prod", "app", "s3cret", null, "other", null).password());
        assertEquals("The database password is set in more than one place: the settings.xml <server> 'prod'"
                + " (migrate.serverId) and the MIGRATE_PASSWORD environment variable. Keep exactly one; a settings.xml"
                + " <server> with an encrypted password is the safest.", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void environmentAndPropertyTogetherAreRejected() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> new Credentials(null, null, null, null, "a", "b").password());
        assertEquals("The database password is set in more than one place: the MIGRATE_PASSWORD environment variable"
                + " and the migrate.password property. Keep exactly one; a settings.xml <server> with an encrypted"
                + " password is the safest.", e.getMessage());
    }

    @Test
    void userInTwoPlacesIsRejected() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> new Credentials("prod", "app", null, "admin", null, null).user());
        assertEquals("The database user is set twice: by migrate.user ('admin', from -Dmigrate.user, a <migrate.user>"
                + " POM property or the plugin's <user>) and by the <username> of the settings.xml <server> 'prod'"
                + " (migrate.serverId). Keep exactly one of them; -Dmigrate.user= on the command line clears a POM's"
                + " migrate.user.", e.getMessage());
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertFalse(new Credentials("prod", "app", "s3cret", null, "e", "p").toString().contains("s3cret"));
        ConnectionSettings settings = new ConnectionSettings("jdbc:postgresql://db/app?password=inurl", "app", "s3cret",
                null, "migrate_version", Duration.ofSeconds(60), null, false);
        assertEquals("ConnectionSettings[url=jdbc:postgresql://db/app?password=***, user=app, password=****,"
                + " schema=null, versionTable=migrate_version, lockTimeout=PT1M, ddlLockTimeout=null,"
                + " singleTransaction=false]", settings.toString());
    }
}
