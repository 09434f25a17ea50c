package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.MaskedUrl;
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
 * that the calling code's loader cannot see (a Maven plugin's project class path). PostgreSQL
 * connections get connect and login timeouts and TCP keepalive, so a dead or silent server
 * fails the run instead of hanging it.
 */
final class UrlConnectionSource implements ConnectionSource {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:[^/]*//(?:[^@/]*@)?([^/?;,]+)");
    private static final Pattern PREFIX = Pattern.compile("^(jdbc:[^:]+:)");

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
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("loginTimeout", "30");
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
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "***");
        }
        if (url.startsWith("jdbc:h2:") && (e.getErrorCode() == 90020 || isRecentlyModifiedLockFile(e))) {
            // An embedded H2 file admits one process; a second migrate run (or an IDE, the application) finds it taken.
            return new EmbeddedDatabaseBusyException("Cannot open " + where() + ": another process has this embedded H2"
                    + " database open (another migrate run, an IDE, the application), and embedded H2 admits one process"
                    + " at a time: " + message + ". Wait for it to finish and run again, or share the database between"
                    + " processes with ;AUTO_SERVER=TRUE in migrate.url.", where());
        }
        return new MigrateException("Cannot connect to " + where() + " as user '" + (user == null ? "(none)" : user)
                + "': " + message + " (SQLState " + e.getSQLState() + "). Check migrate.url, migrate.user and"
                + " migrate.password (or the settings.xml server), and that the database is running and reachable.");
    }

    /** H2's AUTO_SERVER start-up race: another process is opening the file at this very moment. */
    private static boolean isRecentlyModifiedLockFile(SQLException e) {
        return e.getErrorCode() == 8000 && e.getMessage() != null && e.getMessage().contains("Lock file recently modified");
    }

    /** {@code host:port (masked url)}, or the masked URL alone for embedded databases. */
    @Override
    public String where() {
        Matcher matcher = HOST_PORT.matcher(url);
        if (!matcher.find()) {
            return MaskedUrl.mask(url);
        }
        String hostPort = matcher.group(1);
        if (!hostPort.contains(":") && url.startsWith("jdbc:postgresql:")) {
            hostPort += ":5432";
        }
        return hostPort.toLowerCase(Locale.ROOT) + " (" + MaskedUrl.mask(url) + ")";
    }
}
