package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.ConnectionDefaults;
import dev.migrate.dialect.MaskedUrl;
import dev.migrate.dialect.SettingNames;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Connection defaults for MariaDB Connector/J and MySQL Connector/J (both read these names): a connect
 * timeout and TCP keepalive, so a dead or silent server fails the run instead of hanging it. No socket
 * timeout: a revision may run for hours.
 */
final class MariaDbConnectionDefaults implements ConnectionDefaults {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** ER_BAD_DB_ERROR: the database in the URL does not exist. */
    private static final int UNKNOWN_DATABASE = 1049;

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
        return vendorCode == UNKNOWN_DATABASE
                ? Optional.of("Create the database, or fix the database name in " + settings.url() + ".") : Optional.empty();
    }
}
