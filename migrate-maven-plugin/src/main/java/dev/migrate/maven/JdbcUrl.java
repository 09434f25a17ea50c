package dev.migrate.maven;

import dev.migrate.dialect.MaskedUrl;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    // ?user=app, &user=app, ;USER=sa (H2), and user[:password]@ in the authority part.
    private static final Pattern USER_PARAMETER = Pattern.compile("(?i)[?&;]user\\s*=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("^jdbc:[^/]*//([^/@:?;]+)(?::[^/@]*)?@");

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

    /** The user the URL itself names ({@code ?user=app}, H2's {@code ;USER=sa}, {@code app@host}), or null. */
    String user() {
        Matcher parameter = USER_PARAMETER.matcher(value);
        if (parameter.find() && !parameter.group(1).isBlank()) {
            return parameter.group(1).trim();
        }
        Matcher userInfo = USER_INFO.matcher(value);
        return userInfo.find() ? userInfo.group(1) : null;
    }

    /**
     * The user to connect as: the URL's own when it names one, since the drivers take that over the
     * user property (the quickstart's {@code migrate.user} {@code sa} beside
     * {@code -Dmigrate.url=jdbc:postgresql://...?user=postgres} connects as postgres), else {@code configured}.
     */
    String connectingUser(String configured) {
        String own = user();
        return own != null ? own : configured;
    }

    /**
     * What to tell the user when {@code configured} (migrate.user or the server's) differs from the
     * user the URL names, which is the one the connection has; null when they agree or one is missing.
     *
     * @param setting where the URL is set, for the message ({@code migrate.url}, {@code <url> of database 'main'})
     */
    String ignoredUserNote(String configured, String setting) {
        String own = user();
        if (own == null || configured == null || configured.isBlank() || own.equals(configured)) {
            return null;
        }
        return setting + " names the user '" + own + "', which the driver connects as; the user '" + configured
                + "' of migrate.user (or of the settings.xml <server>) is not used.";
    }

    @Override
    public String toString() {
        return MaskedUrl.mask(value);
    }
}
