package dev.migrate.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a MariaDB test class whose code under test reaches the server as a MySQL user would: a
 * {@code jdbc:mysql:} URL through MySQL Connector/J ({@code com.mysql:mysql-connector-j}), so the
 * dialect's MySQL path (URL prefix, that driver's error codes, metadata and session settings) runs
 * against a real server. The server is still the MariaDB of {@code MIGRATE_TEST_MARIADB_URL}; no
 * MySQL server runs here. Read by {@link MariaDbDatabaseExtension}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViaMySqlConnector {
}
