package dev.migrate.dialect;

import java.util.Objects;

/**
 * Where the user set a connection's URL, user and password, as messages about them name it: by
 * default {@code migrate.url}, {@code migrate.user} and the places a password may come from; a
 * tenant's URL is listed in {@code migrate.tenants}, and an entry of the Maven plugin's
 * {@code <databases>} has elements of its own ({@code <url> of database 'main'}).
 *
 * @param url      the URL's setting: {@code migrate.url}, {@code migrate.tenants}, {@code <url> of database 'main'}
 * @param user     the user's setting: {@code migrate.user}, {@code <user> of database 'main'}
 * @param password the places the password may come from, written to stand in a sentence
 */
public record SettingNames(String url, String user, String password) {

    /** The settings of a connection given by {@code migrate.url}, {@code migrate.user} and the password's settings. */
    public static final SettingNames DEFAULT = new SettingNames("migrate.url", "migrate.user", "migrate.password, the"
            + " MIGRATE_PASSWORD environment variable, or the settings.xml <server> named by migrate.serverId");

    public SettingNames {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** These names with the URL set in {@code setting}. */
    public SettingNames withUrl(String setting) {
        return new SettingNames(setting, user, password);
    }

    /** These names with the user set in {@code setting}. */
    public SettingNames withUser(String setting) {
        return new SettingNames(url, setting, password);
    }

    /** These names with the password given by {@code places}. */
    public SettingNames withPassword(String places) {
        return new SettingNames(url, user, places);
    }
}
