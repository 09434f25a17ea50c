package dev.migrate.maven;

import dev.migrate.dialect.MaskedUrl;

/**
 * The {@code migrate.url} parameter. A URL may carry a password ({@code ?password=...},
 * {@code user:secret@host}), and Maven's {@code -X} prints every configured parameter as
 * {@code (f) url = <toString()>}; this type's {@link #toString()} masks the password. The plugin's
 * {@link MigrateConfigurator} builds it straight from the configured text, so Maven's generic bean
 * conversion (which would log the raw text through its setter listener) never sees it.
 *
 * @param value the URL as configured, trimmed; never printed
 */
public record JdbcUrl(String value) {

    /** The URL, or null when {@code text} is null or blank. */
    static JdbcUrl of(String text) {
        return text == null || text.isBlank() ? null : new JdbcUrl(text.trim());
    }

    /**
     * Fails when the URL still holds a {@code ${...}} expression: Maven leaves one it cannot resolve (an
     * unset environment variable, a missing property) as text, which would reach the driver as a URL.
     *
     * @param setting how the user set it, for the message ({@code migrate.url}, {@code <url> of database 'main'})
     */
    JdbcUrl resolved(String setting) {
        if (value.contains("${")) {
            throw new dev.migrate.MigrateException(setting + " is '" + this + "', which holds an expression Maven could not"
                    + " resolve (an environment variable or property that is not set). Set it, or give the JDBC URL itself.");
        }
        return this;
    }

    /** True when the URL itself carries a password (masking changes it). */
    boolean hasPassword() {
        return !MaskedUrl.mask(value).equals(value);
    }

    @Override
    public String toString() {
        return MaskedUrl.mask(value);
    }
}
