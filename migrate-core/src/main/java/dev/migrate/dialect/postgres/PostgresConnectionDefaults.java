package dev.migrate.dialect.postgres;

import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SettingNames;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgJDBC's connection defaults: connect and login timeouts and TCP keepalive, so a dead or silent
 * server fails the run instead of hanging it.
 */
final class PostgresConnectionDefaults implements ConnectionDefaults {

    private static final int CONNECT_TIMEOUT = 10;
    private static final int LOGIN_TIMEOUT = 30;
    private static final Pattern USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?#]*@");

    @Override
    public Properties driverProperties() {
        Properties properties = new Properties();
        // No socketTimeout on purpose: a revision may legitimately run for hours (an index
        // build, a backfill); keepalive detects a dead peer instead.
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT));
        properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "migrate");
        return properties;
    }

    @Override
    public OptionalInt defaultPort() {
        return OptionalInt.of(5432);
    }

    @Override
    public String driverArtifact() {
        return "org.postgresql:postgresql";
    }

    @Override
    public Optional<String> urlProblem(String url, SettingNames settings) {
        if (!USER_INFO.matcher(url).find()) {
            return Optional.empty();
        }
        // libpq's postgresql://user:secret@host form; pgJDBC would take "user:secret@host" as the host name.
        return Optional.of(settings.url() + " puts the user (and password) before the host ('" + MaskedUrl.mask(url)
                + "'), which the PostgreSQL JDBC driver does not read: it would take that part as the host name. Write"
                + " jdbc:postgresql://host:port/database and give the user in " + settings.user() + " (or ?user=...) and"
                + " the password in " + settings.password() + ".");
    }

    @Override
    public Optional<String> malformedUrl(String driverClass, String url, SettingNames settings) {
        if (!driverClass.equals("org.postgresql.Driver")) {
            return Optional.empty();
        }
        // The driver is there but its parser refused the URL (a bad port, a stray character).
        return Optional.of("The PostgreSQL driver does not accept the URL '" + MaskedUrl.mask(url) + "' (" + settings.url() + "):"
                + " it is malformed. Write it as jdbc:postgresql://host:port/database with a port from 1 to 65535, for"
                + " example jdbc:postgresql://localhost:5432/app.");
    }

    @Override
    public String timeoutNote(String url) {
        return " (connectTimeout " + urlSeconds(url, "connectTimeout", CONNECT_TIMEOUT) + " s, loginTimeout "
                + urlSeconds(url, "loginTimeout", LOGIN_TIMEOUT) + " s)";
    }

    /** invalid_catalog_name: the database in the URL does not exist. */
    @Override
    public Optional<String> connectAdvice(String sqlState, int vendorCode, String message, SettingNames settings) {
        return "3D000".equals(sqlState)
                ? Optional.of("Create the database, or fix the database name in " + settings.url() + ".") : Optional.empty();
    }

    /** A timeout parameter as the URL sets it, else migrate's default. */
    private static String urlSeconds(String url, String parameter, int fallback) {
        Matcher inUrl = Pattern.compile("(?i)[?&]" + parameter + "=([^&]*)").matcher(url);
        return inUrl.find() ? inUrl.group(1) : String.valueOf(fallback);
    }
}
