package dev.migrate.autogenerate;

import dev.migrate.testing.ViaMySqlConnector;

/**
 * {@link MariaDbServerVersionTest} through MySQL Connector/J, whose metadata reports MariaDB 10.11 as
 * 5.5.5-10.11.x (major 5, minor 5).
 */
@ViaMySqlConnector
class MySqlConnectorServerVersionTest extends MariaDbServerVersionTest {
}
