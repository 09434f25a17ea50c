package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.dialect.h2.H2Dialect;
import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import org.junit.jupiter.api.Test;

/** migrate.url values that pick no dialect: each message says why and shows a URL that works. */
class DialectsTest {

    private static final String SUPPORTED = "Supported URLs start with jdbc:postgresql:, jdbc:h2:, jdbc:mariadb:,"
            + " jdbc:mysql:, for example jdbc:postgresql://localhost:5432/app, jdbc:h2:./target/app or"
            + " jdbc:mariadb://localhost:3306/app.";

    private static String message(String url) {
        return assertThrows(MigrateException.class, () -> Dialects.forUrl(url, "migrate.url")).getMessage();
    }

    @Test
    void theErrorNamesTheSettingTheUrlCameFrom() {
        assertEquals("No dialect supports the URL 'jdbc:postgres://db/acme?password=***' (migrate.tenants). Did you mean"
                + " jdbc:postgresql:? " + SUPPORTED, assertThrows(MigrateException.class,
                        () -> Dialects.forUrl("jdbc:postgres://db/acme?password=s3cret", "migrate.tenants")).getMessage());
        // A URL no setting gave (a DataSource's, read from its connection): no setting is named.
        assertEquals("No dialect supports the URL 'jdbc:oracle:thin:@db:1521:xe'. migrate has no dialect for jdbc:oracle:"
                + " databases. " + SUPPORTED, assertThrows(MigrateException.class,
                        () -> Dialects.forUrl("jdbc:oracle:thin:@db:1521:xe")).getMessage());
    }

    @Test
    void findsTheDialectByPrefix() {
        assertInstanceOf(PostgresDialect.class, Dialects.forUrl("jdbc:postgresql://localhost/app"));
        assertInstanceOf(H2Dialect.class, Dialects.forUrl("jdbc:h2:mem:app"));
        assertInstanceOf(MariaDbDialect.class, Dialects.forUrl("jdbc:mariadb://localhost/app"));
        assertInstanceOf(MariaDbDialect.class, Dialects.forUrl("jdbc:mysql://localhost/app"));
    }

    @Test
    void urlWithoutJdbcPrefix() {
        assertEquals("No dialect supports the URL 'postgresql://localhost/app' (migrate.url). A JDBC URL starts with"
                + " 'jdbc:'. " + SUPPORTED, message("postgresql://localhost/app"));
        assertEquals("No dialect supports the URL 'garbage' (migrate.url). A JDBC URL starts with 'jdbc:'. "
                + SUPPORTED,
                message("garbage"));
    }

    @Test
    void misspelledPostgresPrefix() {
        assertEquals("No dialect supports the URL 'jdbc:postgres://localhost/app' (migrate.url). Did you mean"
                + " jdbc:postgresql:? " + SUPPORTED, message("jdbc:postgres://localhost/app"));
        assertEquals("No dialect supports the URL 'jdbc:PostgreSQL://localhost/app' (migrate.url). Write the prefix"
                + " jdbc:postgresql: in lower case. " + SUPPORTED, message("jdbc:PostgreSQL://localhost/app"));
    }

    @Test
    void supportedPrefixWithoutItsColonIsCalledIncomplete() {
        assertEquals("No dialect supports the URL 'jdbc:h2' (migrate.url). The URL is incomplete: write jdbc:h2: (with its"
                + " colon) followed by the database. " + SUPPORTED, message("jdbc:h2"));
        assertEquals("No dialect supports the URL 'jdbc:postgresql//db/app' (migrate.url). The URL is incomplete: write"
                + " jdbc:postgresql: (with its colon) followed by the database. " + SUPPORTED, message("jdbc:postgresql//db/app"));
    }

    @Test
    void unsupportedDatabaseIsNamed() {
        assertEquals("No dialect supports the URL 'jdbc:oracle:thin:@localhost:1521:xe' (migrate.url). migrate has no"
                + " dialect for jdbc:oracle: databases. " + SUPPORTED, message("jdbc:oracle:thin:@localhost:1521:xe"));
    }

    @Test
    void passwordInAnUnsupportedUrlIsMasked() {
        String message = message("jdbc:oracle:thin:scott/tiger@host:1521:xe?password=S3cret-URL");
        assertEquals(false, message.contains("S3cret-URL"), message);
    }
}
