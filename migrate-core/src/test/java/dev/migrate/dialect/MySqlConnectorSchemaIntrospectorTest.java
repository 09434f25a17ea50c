package dev.migrate.dialect;

import dev.migrate.testing.ViaMySqlConnector;

/** {@link MariaDbSchemaIntrospectorTest} through a {@code jdbc:mysql:} URL and MySQL Connector/J (on the MariaDB server). */
@ViaMySqlConnector
class MySqlConnectorSchemaIntrospectorTest extends MariaDbSchemaIntrospectorTest {
}
