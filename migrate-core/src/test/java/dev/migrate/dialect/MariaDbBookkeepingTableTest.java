package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.testing.MariaDbDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** migrate's own tables on MariaDB. */
@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbBookkeepingTableTest extends BookkeepingTableContract {

    @Override
    Dialect dialect() {
        return new MariaDbDialect();
    }

    @Override
    SchemaIntrospector introspector() {
        return SchemaIntrospector.forUrl("jdbc:mariadb://localhost/x");
    }

    @Override
    String schema(TestDatabase database, String name) {
        return MariaDbDatabaseExtension.siblingName(database, name);
    }

    @Override
    Map<BookkeepingTable, List<String>> expectedColumns() {
        return Map.of(BookkeepingTable.VERSION, List.of("version_num varchar(255) NOT NULL"),
                BookkeepingTable.HISTORY, List.of("id bigint NOT NULL DEFAULT AUTO_INCREMENT",
                        "revision varchar(255) NOT NULL",
                        "direction varchar(10) NOT NULL",
                        "checksum varchar(64)",
                        "checksum_version int",
                        "started timestamp(6) NOT NULL",
                        "finished timestamp(6) NOT NULL",
                        "success tinyint NOT NULL",
                        "executed_by varchar(255)",
                        "migrate_version varchar(50)"),
                BookkeepingTable.PROGRESS, List.of("revision varchar(255) NOT NULL",
                        "direction varchar(10) NOT NULL",
                        "checksum varchar(64)",
                        "resume_at int NOT NULL"),
                BookkeepingTable.LOCK, List.of("id int NOT NULL"));
    }

    @Override
    String legacyHistoryDdl(String qualifiedName) {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName + " (`id` BIGINT AUTO_INCREMENT PRIMARY KEY, `revision`"
                + " VARCHAR(255) NOT NULL, `direction` VARCHAR(10) NOT NULL, `checksum` VARCHAR(64), `checksum_version` INTEGER,"
                + " `started` TIMESTAMP(6) NULL NOT NULL, `finished` TIMESTAMP(6) NULL NOT NULL, `success` BOOLEAN NOT NULL,"
                + " `executed_by` VARCHAR(255), `migrate_version` VARCHAR(50))";
    }

    @Override
    boolean namesPrimaryKeys() {
        return false;
    }

    /**
     * Where explicit_defaults_for_timestamp is off (MariaDB before 10.10, by default), a NOT NULL
     * TIMESTAMP gets an automatic default; the NULL earlier releases wrote before NOT NULL did not
     * prevent it, so dropping it changes nothing there either.
     */
    @Test
    void historyTableOfEarlierReleasesIsTheSameWithImplicitTimestampDefaults(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            execute(connection, SqlStatement.of("SET SESSION explicit_defaults_for_timestamp = 0"));
            assertHistoryTableOfEarlierReleasesIsTheSame(connection, schema(database, "bk_legacy_ts"), schema(database, "bk_today_ts"));
            String name = NAMES.get(BookkeepingTable.HISTORY);
            assertEquals("current_timestamp(6)", introspector().snapshot(connection, schema(database, "bk_today_ts"))
                    .table(name).orElseThrow().columns().get(5).defaultValue());
        }
    }
}
