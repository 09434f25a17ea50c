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

    /** True when the URL itself carries a password (masking changes it). */
    boolean hasPassword() {
        return !MaskedUrl.mask(value).equals(value);
    }

    @Override
    public String toString() {
        return MaskedUrl.mask(value);
    }
}
