package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SettingNames;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens connections for a JDBC URL by calling the driver directly: drivers are found with
 * {@code ServiceLoader} on the given class loader, since {@code DriverManager} refuses drivers
 * that the calling code's loader cannot see (a Maven plugin's project class path). The URL's
 * dialect gives the driver properties (PostgreSQL: connect and login timeouts, TCP keepalive, so
 * a dead or silent server fails the run instead of hanging it) and its own connection advice.
 */
final class UrlConnectionSource implements ConnectionSource {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:[^/]*//(?:[^@/]*@)?([^/?;,]+)");
    private static final Pattern PREFIX = Pattern.compile("^(jdbc:[^:]+:)");
    private static final Pattern URL_USER = Pattern.compile("(?i)[?&;]user=([^&;]*)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(?:password|pwd)=([^&;]*)|//[^/@:]*:([^/@]*)@");
    /** Used for a URL that no dialect claims: plain driver defaults, generic advice. */
    private static final ConnectionDefaults UNKNOWN_DATABASE = () -> "the database's JDBC driver";

    private final String url;
    private final String user;
    private final String password;
    private final ClassLoader loader;
    private final ConnectionDefaults defaults;
    /** Where the URL was set, for messages: migrate.url, migrate.tenants, {@code <url> of database 'main'}. */
    private final String setting;
    /** Where the URL, user and password were set, for messages. */
    private final SettingNames settings;

    UrlConnectionSource(String url, String user, String password, ClassLoader loader, SettingNames settings) {
        String setting = settings.url();
        if (url == null || url.isBlank()) {
            throw new MigrateException("No database URL is configured: set " + setting + " (for example "
                    + Dialects.exampleUrl() + ").");
        }
        this.setting = setting;
        this.settings = settings;
        this.url = url;
        this.user = user;
        this.password = password;
        this.loader = loader;
        this.defaults = Dialects.find(url).map(Dialect::connectionDefaults).orElse(UNKNOWN_DATABASE);
    }

    @Override
    public Connection open() {
        defaults.urlProblem(url, settings).ifPresent(problem -> {
            throw new MigrateException(problem);
        });
        Driver driver = driver();
        try {
            Connection connection = driver.connect(url, properties());
            if (connection == null) {
                throw missingDriver();
            }
            return connection;
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    @Override
    public String maskedUrl() {
        return MaskedUrl.mask(url);
    }

    private Driver driver() {
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            try {
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (SQLException e) {
                // A driver that cannot judge the URL does not take it.
            }
            // The database's own driver is there but its parser refused the URL (a bad port, a stray character).
            defaults.malformedUrl(driver.getClass().getName(), url, settings).ifPresent(message -> {
                throw new MigrateException(message);
            });
        }
        throw missingDriver();
    }

    private Properties properties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // The dialect's defaults only: parameters written in the URL take precedence in the driver.
        defaults.driverProperties().forEach((key, value) -> properties.putIfAbsent(key, value));
        return properties;
    }

    private MigrateException missingDriver() {
        Matcher prefix = PREFIX.matcher(url);
        String shown = prefix.find() ? prefix.group(1) : MaskedUrl.mask(url);
        return new MigrateException("No JDBC driver for '" + shown + "' URLs is on the class path (" + setting + "="
                + MaskedUrl.mask(url) + "). Add the database's JDBC driver as a dependency of the project or of the"
                + " plugin (for example " + defaults.driverArtifact() + ").");
    }

    private MigrateException cannotConnect(SQLException e) {
        if (defaults.isEmbeddedBusy(e.getErrorCode(), e.getMessage())) {
            return new EmbeddedDatabaseBusyException("Cannot open " + where() + ": " + defaults.embeddedBusyReason() + ": "
                    + redact(reason(e)) + ". " + defaults.embeddedBusyRemedy(settings), where());
        }
        return new MigrateException("Cannot connect to " + where() + " as user '" + shownUser() + "': "
                + redact(reason(e)) + " (SQLState " + e.getSQLState() + "). " + advice(e));
    }

    /** What went wrong, in the user's terms where the cause is recognizable; else the driver's message. */
    private String reason(SQLException e) {
        if (cause(e, UnknownHostException.class)) {
            return "the host name " + host() + " does not resolve (unknown host)";
        }
        if (cause(e, ConnectException.class)) {
            return "nothing accepts connections on " + hostPort() + " (connection refused)";
        }
        if (timedOut(e)) {
            return "no answer from " + hostPort() + " within the connect or login timeout"
                    + defaults.timeoutNote(url);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What to do about it, naming the settings involved. */
    private String advice(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (cause(e, UnknownHostException.class)) {
            return "Check the host name in " + setting + ".";
        }
        if (cause(e, ConnectException.class)) {
            return "Check the host and port in " + setting + ", and that the database server is running there.";
        }
        if (timedOut(e)) {
            return "Something accepted the connection but did not answer as a database server: check that the port in "
                    + setting + " is the database's, and that the server is not overloaded.";
        }
        var own = defaults.connectAdvice(e.getSQLState(), e.getErrorCode(), e.getMessage(), settings);
        if (own.isPresent()) {
            return own.get();
        }
        if (state.startsWith("28")) {
            return "Check " + settings.user() + " and the password (" + settings.password() + ").";
        }
        return "Check " + setting + ", " + settings.user() + " and the password (" + settings.password() + "), and that"
                + " the database is running and reachable.";
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(SQLException e) {
        if (cause(e, SocketTimeoutException.class)) {
            return true;
        }
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("timed out");
    }

    /** The user the driver connects as: a {@code user=} in the URL wins over the user setting, as in the drivers. */
    private String shownUser() {
        Matcher inUrl = URL_USER.matcher(url);
        if (inUrl.find() && !inUrl.group(1).isEmpty()) {
            return inUrl.group(1);
        }
        return user == null ? "(none)" : user;
    }

    /** The message without any password: the configured one, or one written into the URL. */
    private String redact(String message) {
        String redacted = message;
        if (password != null && !password.isEmpty()) {
            redacted = redacted.replace(password, "***");
        }
        Matcher inUrl = URL_PASSWORD.matcher(url);
        while (inUrl.find()) {
            String secret = inUrl.group(1) != null ? inUrl.group(1) : inUrl.group(2);
            if (secret != null && !secret.isEmpty()) {
                redacted = redacted.replace(secret, "***");
            }
        }
        return redacted.replace(url, MaskedUrl.mask(url));
    }

    private String host() {
        String hostPort = hostPort();
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
    }

    private String hostPort() {
        Matcher matcher = HOST_PORT.matcher(url);
        if (!matcher.find()) {
            return MaskedUrl.mask(url);
        }
        String hostPort = matcher.group(1);
        if (!hostPort.contains(":") && defaults.defaultPort().isPresent()) {
            hostPort += ":" + defaults.defaultPort().getAsInt();
        }
        return hostPort.toLowerCase(Locale.ROOT);
    }

    /** {@code host:port (masked url)}, or the masked URL alone for embedded databases. */
    @Override
    public String where() {
        Matcher matcher = HOST_PORT.matcher(url);
        if (!matcher.find()) {
            return MaskedUrl.mask(url);
        }
        return hostPort() + " (" + MaskedUrl.mask(url) + ")";
    }
}
