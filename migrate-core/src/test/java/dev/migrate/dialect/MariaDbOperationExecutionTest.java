package dev.migrate.dialect;

import dev.migrate.dialect.mariadb.MariaDbDialect;
import dev.migrate.testing.MariaDbDatabaseExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.testing.TestDatabase;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every operation rendered by {@link MariaDbDialect}, run on a real MariaDB. */
@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbOperationExecutionTest extends OperationExecutionContract {

    @Override
    Dialect dialect() {
        return new MariaDbDialect();
    }

    @Override
    String defaultSchema() {
        return null;
    }

    @Override
    String defaultSchema(TestDatabase database) {
        return MariaDbDatabaseExtension.siblingName(database, "").replaceAll("_$", "");
    }

    @Override
    String otherSchema(TestDatabase database) {
        return MariaDbDatabaseExtension.siblingName(database, "app");
    }

    @Override
    Map<String, String> expectedTicketColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "BIGINT NOT NULL");
        columns.put("title", "VARCHAR NOT NULL");
        columns.put("status", "VARCHAR NOT NULL DEFAULT 'open'");
        columns.put("price", "DECIMAL NULL DEFAULT 0.00");
        columns.put("assignee_id", "BIGINT NULL DEFAULT NULL");
        return columns;
    }

    @Override
    Map<String, String> expectedTypeColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String[] column : new String[][] {{"integer", "INT"}, {"bigint", "BIGINT"}, {"smallint", "SMALLINT"},
                {"boolean", "BOOLEAN"}, {"text", "LONGTEXT"}, {"real", "FLOAT"}, {"double", "DOUBLE"}, {"date", "DATE"},
                {"time", "TIME"}, {"timestamp", "DATETIME"}, {"timestamptz", "TIMESTAMP"}, {"uuid", "CHAR"},
                {"json", "LONGTEXT"}, {"jsonb", "LONGTEXT"}, {"bytes", "LONGBLOB"}, {"v", "VARCHAR"}, {"n", "DECIMAL"}}) {
            columns.put(column[0], column[1] + " NULL DEFAULT NULL");
        }
        return columns;
    }

    @Override
    Map<String, String> expectedAlteredColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "INT NOT NULL");
        columns.put("code", "VARCHAR NULL DEFAULT NULL");
        columns.put("note", "VARCHAR NOT NULL DEFAULT 'dflt'");
        columns.put("flag", "BOOLEAN NULL DEFAULT 1");
        return columns;
    }

    @Override
    String defaultRule() {
        return "RESTRICT";
    }

    @Override
    String nextValue(String sequence) {
        return "SELECT NEXTVAL(`" + sequence + "`)";
    }

    /**
     * A check written on its column (as Hibernate's export writes {@code @Check} on a field, and an
     * ordinal enum's range) is named after the column, and MariaDB refuses to drop it by that name;
     * dropConstraint restates the column without it, keeping its type, nullability and default. A
     * table's own check is still dropped by name.
     */
    @Test
    void aCheckWrittenOnItsColumnIsDroppedByRestatingTheColumn(TestDatabase database) throws SQLException {
        sql(database, "CREATE TABLE `stock` (`id` BIGINT PRIMARY KEY, `quantity` INT NOT NULL DEFAULT 5 CHECK (`quantity` < 100),"
                + " `note` VARCHAR(10), CONSTRAINT `ck_note` CHECK (`note` <> ''))");
        run(database, op -> {
            op.dropConstraint("quantity", "stock");
            op.dropConstraint("ck_note", "stock");
        });
        assertEquals(0, count(database, "SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'stock'"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'stock' AND COLUMN_NAME = 'quantity' AND COLUMN_TYPE = 'int(11)' AND IS_NULLABLE = 'NO'"
                + " AND COLUMN_DEFAULT = '5'"));
        sql(database, "INSERT INTO `stock` VALUES (1, 500, '')");
    }

    /**
     * Changing a column's type or nullability restates it ({@code MODIFY COLUMN}), and a check written
     * on the column is part of what is restated: it stays.
     */
    @Test
    void aColumnsOwnCheckSurvivesAChangeOfTheColumn(TestDatabase database) throws SQLException {
        sql(database, "CREATE TABLE `tally` (`id` BIGINT PRIMARY KEY, `total` INT COMMENT 'never negative' CHECK (`total` >= 0))");
        run(database, op -> op.alterColumn("tally", "total", c -> c.type(dev.migrate.ops.ColumnType.BIGINT).notNull()));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'tally' AND COLUMN_NAME = 'total' AND COLUMN_TYPE = 'bigint(20)' AND IS_NULLABLE = 'NO'"
                + " AND COLUMN_COMMENT = 'never negative'"));
        assertEquals(1, count(database, "SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS WHERE"
                + " CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'tally' AND CONSTRAINT_NAME = 'total' AND LEVEL = 'Column'"));
        assertThrows(SQLException.class, () -> sql(database, "INSERT INTO `tally` VALUES (1, -1)"));
    }
}
