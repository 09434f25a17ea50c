package dev.migrate.dialect;

import dev.migrate.dialect.ConstraintSnapshot.Kind;
import dev.migrate.testing.MariaDbDatabaseExtension;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbDatabaseExtension.class)
class MariaDbSchemaIntrospectorTest extends SchemaIntrospectorContract {

    @Override
    TableSnapshot expectedChild() {
        return new TableSnapshot("child", List.of(
                new ColumnSnapshot("id", "bigint", false, null),
                new ColumnSnapshot("name", "varchar(40)", false, "'x'"),
                new ColumnSnapshot("amount", "decimal(10,2)", true, null),
                new ColumnSnapshot("parent_id", "int", true, null)),
                List.of(new IndexSnapshot("child_name_ix", List.of("name DESC", "amount"), false, null)),
                List.of(new ConstraintSnapshot(Kind.PRIMARY_KEY, null, "PRIMARY KEY (id)"),
                        // MariaDB shows a check in the session's quoting: the contract tests' ANSI_QUOTES.
                        new ConstraintSnapshot(Kind.CHECK, "child_amount_check", "CHECK (\"amount\" > 0)"),
                        new ConstraintSnapshot(Kind.FOREIGN_KEY, "child_parent_fk",
                                "FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE")));
    }

    /** The primary key is always PRIMARY here (left out); an unnamed unique key is named after its column. */
    @Override
    List<ConstraintSnapshot> expectedParentConstraints() {
        return new TableSnapshot("parent", List.of(), List.of(), List.of(
                new ConstraintSnapshot(Kind.PRIMARY_KEY, null, "PRIMARY KEY (id)"),
                new ConstraintSnapshot(Kind.UNIQUE, "code", "UNIQUE (code)"))).constraints();
    }

    /** A schema is a database here: one named after the test class's own, dropped with it. */
    @Override
    void useNewSchema(Statement statement, String name) throws SQLException {
        // DATABASE(), not getCatalog(): with useCatalogTerm=Schema that says "def", and "def_snap_N" outlived the class.
        String database;
        try (var row = statement.executeQuery("SELECT DATABASE()")) {
            row.next();
            database = row.getString(1) + "_" + name;
        }
        statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        statement.execute("CREATE DATABASE `" + database + "`");
        statement.execute("USE `" + database + "`");
    }

    @Override
    String currentSchemaSql() {
        return "SELECT DATABASE()";
    }

    @Override
    List<String> changeAmountTypeAndParentNullability() {
        return List.of("ALTER TABLE child MODIFY COLUMN amount NUMERIC(12,2)", "ALTER TABLE child MODIFY COLUMN parent_id INTEGER NOT NULL");
    }

    @Override
    String decimalType() {
        return "decimal";
    }

    @Override
    String integerType() {
        return "int";
    }

    @Override
    SchemaIntrospector introspector() {
        return SchemaIntrospector.forUrl("jdbc:mariadb://localhost/x");
    }
}
