package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SettingNames;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Connection defaults for MariaDB Connector/J and MySQL Connector/J (both read these names): a connect
 * timeout and TCP keepalive, so a dead or silent server fails the run instead of hanging it. No socket
 * timeout: a revision may run for hours.
 */
final class MariaDbConnectionDefaults implements ConnectionDefaults {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** user[:password]@ before the host: MySQL Connector/J reads it, MariaDB Connector/J does not. */
    private static final Pattern USER_INFO = Pattern.compile("^jdbc:mariadb://[^/?#]*@");
    /** ER_BAD_DB_ERROR: the database in the URL does not exist. */
    private static final int UNKNOWN_DATABASE = 1049;
    /** ER_DBACCESS_DENIED_ERROR: the login succeeded, but the user has no privilege on the database in the URL. */
    private static final int NO_PRIVILEGE_ON_DATABASE = 1044;

    @Override
    public Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS));
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    @Override
    public OptionalInt defaultPort() {
        return OptionalInt.of(3306);
    }

    @Override
    public String driverArtifact() {
        return "org.mariadb.jdbc:mariadb-java-client, which takes jdbc:mysql: URLs only with ?permitMysqlScheme, or"
                + " com.mysql:mysql-connector-j";
    }

    @Override
    public Optional<String> urlProblem(String url, SettingNames settings) {
        if (!USER_INFO.matcher(url).find()) {
            return Optional.empty();
        }
        // The driver would report "Incorrect port value : <password>@host" (masked, but no help).
        return Optional.of(settings.url() + " puts the user (and password) before the host ('" + MaskedUrl.mask(url)
                + "'), which the MariaDB JDBC driver does not read: it would take that part as the host and port. Write"
                + " jdbc:mariadb://host:port/database and give the user in " + settings.user() + " (or ?user=...) and"
                + " the password in " + settings.password() + ".");
    }

    @Override
    public Optional<String> malformedUrl(String driverClass, String url, SettingNames settings) {
        if (!driverClass.equals("org.mariadb.jdbc.Driver")) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:mariadb:")) {
            // A jdbc:mysql: URL may still be MySQL Connector/J's; missing both, the driver message says what to add.
            return Optional.empty();
        }
        return Optional.of("The MariaDB driver does not accept the URL '" + MaskedUrl.mask(url) + "' (" + settings.url() + "): it is"
                + " malformed. Write it as jdbc:mariadb://host:port/database, for example jdbc:mariadb://localhost:3306/app.");
    }

    @Override
    public String timeoutNote(String url) {
        return " (connectTimeout " + CONNECT_TIMEOUT_MILLIS + " ms unless the URL sets it)";
    }

    @Override
    public Optional<String> connectAdvice(String sqlState, int vendorCode, String message, SettingNames settings) {
        if (vendorCode == UNKNOWN_DATABASE) {
            return Optional.of("Create the database, or fix the database name in " + settings.url() + ".");
        }
        if (vendorCode == NO_PRIVILEGE_ON_DATABASE) {
            // Same SQLState class as a wrong password (42000 here, 28000 there), but the password was right:
            // asking to check it sends the user the wrong way.
            return Optional.of("The user and password were accepted, but the user has no privileges on that database:"
                    + " have them granted (GRANT ALL ON <database>.* TO <user>), or set " + settings.user()
                    + " to a user that has them, or fix the database name in " + settings.url() + ".");
        }
        return Optional.empty();
    }
}
