package dev.migrate.engine;

import dev.migrate.testing.ViaMySqlConnector;

/** {@link MariaDbEngineTest} through a {@code jdbc:mysql:} URL and MySQL Connector/J (on the MariaDB server). */
@ViaMySqlConnector
class MySqlConnectorEngineTest extends MariaDbEngineTest {
}
