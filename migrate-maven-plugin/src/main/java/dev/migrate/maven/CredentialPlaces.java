package dev.migrate.maven;

import dev.migrate.dialect.SettingNames;

/**
 * Where the user and password of one connection are set, as messages name them: the plugin's own
 * {@code migrate.user}, {@code migrate.serverId} and {@code MIGRATE_PASSWORD}, or the elements of
 * an entry of {@code <databases>} ({@code <user> of database 'main'}). {@code migrate.password} is
 * read for every connection.
 *
 * @param database    the {@code <databases>} entry's name, or null for the plugin's own settings
 * @param passwordEnv the environment variable the password is read from
 */
record CredentialPlaces(String database, String passwordEnv) {

    /** The plugin's own settings. */
    static final CredentialPlaces PLUGIN = new CredentialPlaces(null, Credentials.PASSWORD_ENV);

    /** The places of the {@code <databases>} entry {@code database}, whose password is in {@code passwordEnv} (blank: the default). */
    static CredentialPlaces entry(String database, String passwordEnv) {
        return new CredentialPlaces(database, passwordEnv != null && !passwordEnv.isBlank() ? passwordEnv.trim()
                : Credentials.PASSWORD_ENV);
    }

    /** {@code migrate.user}, or {@code <user> of database 'main'}. */
    String user() {
        return database == null ? "migrate.user" : "<user> of database '" + database + "'";
    }

    /** {@code migrate.serverId}, or {@code <serverId> of database 'main'}. */
    String serverId() {
        return database == null ? "migrate.serverId" : "<serverId> of database '" + database + "'";
    }

    /** The environment variable, with the element that named it when an entry did. */
    String environmentVariable() {
        return passwordEnv + namedBy();
    }

    /** "the MIGRATE_PASSWORD environment variable", naming the entry's {@code <passwordEnv>} when it chose another. */
    String environment() {
        return "the " + passwordEnv + " environment variable" + namedBy();
    }

    private String namedBy() {
        return database != null && !passwordEnv.equals(Credentials.PASSWORD_ENV)
                ? " (<passwordEnv> of database '" + database + "')" : "";
    }

    /** Every place the password may come from, to stand in a sentence. */
    String password() {
        return Credentials.PASSWORD_PROPERTY + ", " + environment() + ", or the settings.xml <server> named by " + serverId();
    }

    /** How core's messages name the URL ({@code urlSetting}), the user and the password. */
    SettingNames names(String urlSetting) {
        return new SettingNames(urlSetting, user(), password());
    }
}
