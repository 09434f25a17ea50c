package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the database user and password from the places a user may put them, and rejects
 * credentials given in two places: a silent precedence rule would let a stale password in one
 * place win over the one the user just changed.
 *
 * @param serverId         the {@code migrate.serverId} value, or null
 * @param serverUser       the user of that settings.xml server, or null
 * @param serverPassword   the decrypted password of that server, or null
 * @param configuredUser   the {@code migrate.user} parameter, or null
 * @param envPassword      the {@code MIGRATE_PASSWORD} environment variable, or null
 * @param propertyPassword the {@code migrate.password} user or system property, or null
 * @param places           where these are set, as messages name them (the plugin's settings or a {@code <databases>} entry's)
 */
record Credentials(
        String serverId,
        String serverUser,
        String serverPassword,
        String configuredUser,
        String envPassword,
        String propertyPassword,
        CredentialPlaces places) {

    /** Credentials from the plugin's own settings. */
    Credentials(String serverId, String serverUser, String serverPassword, String configuredUser, String envPassword,
            String propertyPassword) {
        this(serverId, serverUser, serverPassword, configuredUser, envPassword, propertyPassword, CredentialPlaces.PLUGIN);
    }

    /** The environment variable a password may come from. */
    static final String PASSWORD_ENV = "MIGRATE_PASSWORD";

    /** The user or system property a password may come from. */
    static final String PASSWORD_PROPERTY = "migrate.password";

    /** The user to connect as; throws when both migrate.user (or the entry's user) and the server name one. */
    String user() {
        if (present(serverUser) && present(configuredUser) && places.database() != null) {
            throw new MigrateException("The database user is set twice: by " + places.user() + " ('" + configuredUser
                    + "') and by the <username> of the settings.xml <server> '" + serverId + "' (" + places.serverId()
                    + "). Keep exactly one of them.");
        }
        if (present(serverUser) && present(configuredUser)) {
            throw new MigrateException("The database user is set twice: by migrate.user ('" + configuredUser
                    + "', from -Dmigrate.user, a <migrate.user> POM property or the plugin's <user>) and by the"
                    + " <username> of the settings.xml <server> '" + serverId + "' (migrate.serverId). Keep exactly"
                    + " one of them; -Dmigrate.user= on the command line clears a POM's migrate.user.");
        }
        return present(serverUser) ? serverUser : blankToNull(configuredUser);
    }

    /** The password to connect with, or null; throws when two places give one. */
    String password() {
        List<String> places = new ArrayList<>();
        if (present(serverPassword)) {
            places.add("the settings.xml <server> '" + serverId + "' (" + this.places.serverId() + ")");
        }
        if (present(envPassword)) {
            places.add(this.places.environment());
        }
        if (present(propertyPassword)) {
            places.add("the " + PASSWORD_PROPERTY + " property");
        }
        if (places.size() > 1) {
            throw new MigrateException("The database password is set in more than one place: " + String.join(" and ", places)
                    + ". Keep exactly one; a settings.xml <server> with an encrypted password is the safest.");
        }
        if (present(serverPassword)) {
            return serverPassword;
        }
        return present(envPassword) ? envPassword : blankToNull(propertyPassword);
    }

    /**
     * The message when the URL set in {@code urlSetting} carries a password and {@link #password()} gives
     * another: the driver would silently prefer the URL's, and a stale one there would win.
     */
    String passwordAlsoInUrl(String urlSetting) {
        return "The database password is set in more than one place: in " + urlSetting + " and by "
                + PASSWORD_PROPERTY + ", " + places.environmentVariable() + " or the settings.xml <server> of "
                + places.serverId() + ". Keep exactly one; a settings.xml <server> with an encrypted password is the safest.";
    }

    @Override
    public String toString() {
        return "Credentials[serverId=" + serverId + ", user=" + (present(serverUser) ? serverUser : configuredUser)
                + ", password=****]";
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    private static String blankToNull(String value) {
        return present(value) ? value : null;
    }
}
