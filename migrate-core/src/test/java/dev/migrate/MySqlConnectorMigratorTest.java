package dev.migrate;

import dev.migrate.testing.ViaMySqlConnector;

/** {@link MariaDbMigratorTest} through a {@code jdbc:mysql:} URL and MySQL Connector/J (on the MariaDB server). */
@ViaMySqlConnector
class MySqlConnectorMigratorTest extends MariaDbMigratorTest {
}
