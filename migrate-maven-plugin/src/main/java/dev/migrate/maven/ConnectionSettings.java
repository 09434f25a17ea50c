package dev.migrate.maven;

import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SettingNames;
import java.time.Duration;

/**
 * Everything a goal needs to reach the database, resolved once per run from the plugin
 * configuration, the settings.xml server, the environment and the session's properties.
 * {@link #toString()} masks the password (and any password inside the URL), so the record can be
 * logged or end up in an exception message safely.
 *
 * @param url            JDBC URL, or null when no database is configured
 * @param user           database user, or null
 * @param password       database password, or null; never printed
 * @param schema         schema holding the version table, or null for the connection's default
 * @param versionTable   version table name
 * @param lockTimeout    how long to wait for another run's lock
 * @param ddlLockTimeout PostgreSQL {@code lock_timeout} per revision, or null to wait
 * @param singleTransaction one transaction for the whole run instead of one per revision
 * @param names          where the URL, user and password are set, which messages about them name:
 *                       {@code migrate.url} and {@code migrate.user}, or {@code <url> of database 'main'} and
 *                       {@code <user> of database 'main'} for an entry of {@code <databases>}
 */
public record ConnectionSettings(
        String url,
        String user,
        String password,
        String schema,
        String versionTable,
        Duration lockTimeout,
        Duration ddlLockTimeout,
        boolean singleTransaction,
        SettingNames names) {

    /** Settings whose URL, user and password are {@code migrate.url}'s, {@code migrate.user}'s and the password settings'. */
    public ConnectionSettings(String url, String user, String password, String schema, String versionTable,
            Duration lockTimeout, Duration ddlLockTimeout, boolean singleTransaction) {
        this(url, user, password, schema, versionTable, lockTimeout, ddlLockTimeout, singleTransaction, SettingNames.DEFAULT);
    }

    /** True when a JDBC URL is configured, so goals that can work without a database know to use it. */
    public boolean hasDatabase() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + MaskedUrl.mask(url)
                + ", user=" + user
                + ", password=" + (password == null ? "(none)" : "****")
                + ", schema=" + schema
                + ", versionTable=" + versionTable
                + ", lockTimeout=" + lockTimeout
                + ", ddlLockTimeout=" + ddlLockTimeout
                + ", singleTransaction=" + singleTransaction + "]";
    }
}
