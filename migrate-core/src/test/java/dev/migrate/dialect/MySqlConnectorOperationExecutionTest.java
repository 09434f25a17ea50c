package dev.migrate.dialect;

import dev.migrate.testing.ViaMySqlConnector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link MariaDbOperationExecutionTest} through a {@code jdbc:mysql:} URL and MySQL Connector/J (on the
 * MariaDB server). The tables are the same; only the test's view of them through JDBC metadata differs by
 * driver: Connector/J reports {@code BOOLEAN} (MariaDB's {@code TINYINT(1)}) as {@code BIT}. Its URL carries
 * {@code useInformationSchema=true}, without which Connector/J's metadata leaves out table comments.
 */
@ViaMySqlConnector
class MySqlConnectorOperationExecutionTest extends MariaDbOperationExecutionTest {

    @Override
    Map<String, String> expectedTicketColumns() {
        return asConnectorJShowsThem(super.expectedTicketColumns());
    }

    @Override
    Map<String, String> expectedTypeColumns() {
        return asConnectorJShowsThem(super.expectedTypeColumns());
    }

    @Override
    Map<String, String> expectedAlteredColumns() {
        return asConnectorJShowsThem(super.expectedAlteredColumns());
    }

    private static Map<String, String> asConnectorJShowsThem(Map<String, String> columns) {
        Map<String, String> shown = new LinkedHashMap<>();
        columns.forEach((name, description) -> shown.put(name, description.replace("BOOLEAN", "BIT")));
        return shown;
    }
}
