package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.MaskedUrl;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens connections for a JDBC URL by calling the driver directly: drivers are found with
 * {@code ServiceLoader} on the given class loader, since {@code DriverManager} refuses drivers
 * that the calling code's loader cannot see (a Maven plugin's project class path). PostgreSQL
 * connections get connect and login timeouts and TCP keepalive, so a dead or silent server
 * fails the run instead of hanging it.
 */
final class UrlConnectionSource implements ConnectionSource {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:[^/]*//(?:[^@/]*@)?([^/?;,]+)");
    private static final Pattern PREFIX = Pattern.compile("^(jdbc:[^:]+:)");
    /** An embedded H2 file URL with an explicit path: ./x, ../x, ~/x or /x, optionally after file:. */
    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:(?:file:)?((?:\\.{1,2}/|~/|/)[^;]*)");
    private static final Pattern POSTGRES_USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?#]*@");
    private static final Pattern URL_USER = Pattern.compile("(?i)[?&;]user=([^&;]*)");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(?:password|pwd)=([^&;]*)|//[^/@:]*:([^/@]*)@");
    private static final int CONNECT_TIMEOUT = 10;
    private static final int LOGIN_TIMEOUT = 30;
    /** H2's DATABASE_NOT_FOUND_1 and DATABASE_NOT_FOUND_WITH_IF_EXISTS_1. */
    private static final Set<Integer> H2_DATABASE_NOT_FOUND = Set.of(90013, 90146);
    private static final int H2_DUPLICATE_PROPERTY = 90066;
    private static final int H2_DATABASE_IN_USE = 90020;
    /** H2's FILE_CREATION_FAILED_1, IO_EXCEPTION_1, IO_EXCEPTION_2, FILE_NOT_FOUND_1. */
    private static final Set<Integer> H2_FILE_ERRORS = Set.of(90062, 90028, 90031, 90124);

    private final String url;
    private final String user;
    private final String password;
    private final ClassLoader loader;

    UrlConnectionSource(String url, String user, String password, ClassLoader loader) {
        if (url == null || url.isBlank()) {
            throw new MigrateException("No database URL is configured: set migrate.url (for example"
                    + " jdbc:postgresql://localhost:5432/app).");
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.loader = loader;
    }

    @Override
    public Connection open() {
        if (POSTGRES_USER_INFO.matcher(url).find()) {
            // libpq's postgresql://user:secret@host form; pgJDBC would take "user:secret@host" as the host name.
            throw new MigrateException("migrate.url puts the user (and password) before the host ('"
                    + MaskedUrl.mask(url) + "'), which the PostgreSQL JDBC driver does not read: it would take that"
                    + " part as the host name. Write jdbc:postgresql://host:port/database and give the user in"
                    + " migrate.user (or ?user=...) and the password in migrate.password, MIGRATE_PASSWORD or the"
                    + " settings.xml server.");
        }
        h2DirectoryProblem();
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

    /**
     * An embedded H2 file whose directory cannot be created fails inside H2, which also prints its
     * own stack trace to stderr (it cannot open its trace file either); check the directory first.
     */
    private void h2DirectoryProblem() {
        Matcher file = H2_FILE.matcher(url);
        if (!file.find()) {
            return;
        }
        String path = file.group(1).startsWith("~")
                ? System.getProperty("user.home") + file.group(1).substring(1) : file.group(1);
        Path existing = Path.of(path).toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
            throw new MigrateException("Cannot create the H2 database " + path + " (migrate.url=" + MaskedUrl.mask(url)
                    + "): " + existing + (Files.isDirectory(existing) ? " is not writable" : " is not a directory")
                    + ". Point migrate.url at a directory you can write, for example jdbc:h2:./target/app.");
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
            if (url.startsWith("jdbc:postgresql:") && driver.getClass().getName().equals("org.postgresql.Driver")) {
                // The driver is there but its parser refused the URL (a bad port, a stray character).
                throw new MigrateException("The PostgreSQL driver does not accept the URL '" + MaskedUrl.mask(url)
                        + "' (migrate.url): it is malformed. Write it as jdbc:postgresql://host:port/database with a"
                        + " port from 1 to 65535, for example jdbc:postgresql://localhost:5432/app.");
            }
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
        if (url.startsWith("jdbc:postgresql:")) {
            // Defaults only: parameters written in the URL take precedence in the driver.
            // No socketTimeout on purpose: a revision may legitimately run for hours (an index
            // build, a backfill); keepalive detects a dead peer instead.
            properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT));
            properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT));
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("ApplicationName", "migrate");
        }
        return properties;
    }

    private MigrateException missingDriver() {
        Matcher prefix = PREFIX.matcher(url);
        String shown = prefix.find() ? prefix.group(1) : MaskedUrl.mask(url);
        return new MigrateException("No JDBC driver for '" + shown + "' URLs is on the class path (migrate.url="
                + MaskedUrl.mask(url) + "). Add the database's JDBC driver as a dependency of the project or of the"
                + " plugin (for example org.postgresql:postgresql or com.h2database:h2).");
    }

    private MigrateException cannotConnect(SQLException e) {
        if (url.startsWith("jdbc:h2:") && (e.getErrorCode() == H2_DATABASE_IN_USE || isRecentlyModifiedLockFile(e))) {
            // An embedded H2 file admits one process; a second migrate run (or an IDE, the application) finds it taken.
            return new EmbeddedDatabaseBusyException("Cannot open " + where() + ": another process has this embedded H2"
                    + " database open (another migrate run, an IDE, the application), and embedded H2 admits one process"
                    + " at a time: " + redact(reason(e)) + ". Wait for it to finish and run again, or share the database"
                    + " between processes with ;AUTO_SERVER=TRUE in migrate.url.", where());
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
                    + (url.startsWith("jdbc:postgresql:") ? " (connectTimeout " + urlSeconds("connectTimeout",
                    CONNECT_TIMEOUT) + " s, loginTimeout " + urlSeconds("loginTimeout", LOGIN_TIMEOUT) + " s)" : "");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What to do about it, naming the settings involved. */
    private String advice(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (cause(e, UnknownHostException.class)) {
            return "Check the host name in migrate.url.";
        }
        if (cause(e, ConnectException.class)) {
            return "Check the host and port in migrate.url, and that the database server is running there.";
        }
        if (timedOut(e)) {
            return "Something accepted the connection but did not answer as a database server: check that the port in"
                    + " migrate.url is the database's, and that the server is not overloaded.";
        }
        if (state.equals("3D000") || (url.startsWith("jdbc:h2:") && H2_DATABASE_NOT_FOUND.contains(e.getErrorCode()))) {
            return "Create the database, or fix the database name in migrate.url.";
        }
        if (url.startsWith("jdbc:h2:") && e.getErrorCode() == H2_DUPLICATE_PROPERTY) {
            return "The URL and migrate.user (or the password setting) both give it; keep one of them.";
        }
        if (url.startsWith("jdbc:h2:") && H2_FILE_ERRORS.contains(e.getErrorCode())) {
            return "Check that the directory of the database file in migrate.url exists or can be created, and that"
                    + " it is writable.";
        }
        if (state.startsWith("28")) {
            return "Check migrate.user and the password (migrate.password, the MIGRATE_PASSWORD environment variable,"
                    + " or the settings.xml <server> named by migrate.serverId).";
        }
        return "Check migrate.url, migrate.user and migrate.password (or the settings.xml server), and that the"
                + " database is running and reachable.";
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

    /** A PostgreSQL timeout parameter as the URL sets it, else migrate's default. */
    private String urlSeconds(String parameter, int fallback) {
        Matcher inUrl = Pattern.compile("(?i)[?&]" + parameter + "=([^&]*)").matcher(url);
        return inUrl.find() ? inUrl.group(1) : String.valueOf(fallback);
    }

    /** The user the driver connects as: a {@code user=} in the URL wins over migrate.user, as in the drivers. */
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

    /** H2's AUTO_SERVER start-up race: another process is opening the file at this very moment. */
    private static boolean isRecentlyModifiedLockFile(SQLException e) {
        return e.getErrorCode() == 8000 && e.getMessage() != null && e.getMessage().contains("Lock file recently modified");
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
        if (!hostPort.contains(":") && url.startsWith("jdbc:postgresql:")) {
            hostPort += ":5432";
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
