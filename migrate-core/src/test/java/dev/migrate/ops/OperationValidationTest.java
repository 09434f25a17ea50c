package dev.migrate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.Operations;
import dev.migrate.ops.RecordingOperations;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every mistake a migration author can make in an operation call, and the message it gets. */
class OperationValidationTest {

    private static String failure(Consumer<Operations> migration) {
        RecordingOperations op = new RecordingOperations();
        return assertThrows(MigrateException.class, () -> migration.accept(op)).getMessage();
    }

    @Test
    void emptyTableName() {
        assertEquals("createTable: the name is empty; give the table, index or sequence a name.",
                failure(op -> op.createTable("", t -> t.column("a", ColumnType.INTEGER))));
        assertEquals("A table, index or sequence name is empty; give the object a name.",
                assertThrows(MigrateException.class, () -> QualifiedName.of("app", " ")).getMessage());
        assertEquals("The schema of 't' is empty; leave it out or name the schema.",
                assertThrows(MigrateException.class, () -> QualifiedName.of("", "t")).getMessage());
    }

    @Test
    void malformedQualifiedName() {
        assertEquals("dropTable: 'app.' is not a valid name; write 'name' or 'schema.name'.", failure(op -> op.dropTable("app.")));
    }

    @Test
    void tableWithoutColumns() {
        assertEquals("createTable ticket: the table has no columns; add at least one with t.column(name, type).",
                failure(op -> op.createTable("ticket", t -> t.comment("empty"))));
    }

    @Test
    void columnDefinedTwice() {
        assertEquals("createTable ticket: the column id is defined twice; give each column its own name.",
                failure(op -> op.createTable("ticket", t -> t.column("id", ColumnType.INTEGER).column("id", ColumnType.TEXT))));
    }

    @Test
    void foreignKeyOnUndefinedColumn() {
        assertEquals("createTable ticket: the constraint ticket_assignee_id_fkey names the column assignee_id, which the "
                + "table does not define; add the column with t.column(...) or fix the name.",
                failure(op -> op.createTable("ticket", t -> {
                    t.column("id", ColumnType.BIGINT);
                    t.foreignKey("assignee_id").references("app_user", "id");
                })));
    }

    @Test
    void foreignKeyWithoutReferences() {
        assertEquals("Foreign key ticket_a_fkey references no table; call references(table, columns...).",
                failure(op -> op.createTable("ticket", t -> {
                    t.column("a", ColumnType.BIGINT);
                    t.foreignKey("a");
                })));
    }

    @Test
    void foreignKeyColumnCountMismatch() {
        assertEquals("Foreign key fk has 2 column(s) [a, b] but references 1 [id]; list one referenced column per column.",
                failure(op -> op.addForeignKey("fk", "t", List.of("a", "b"), "u", List.of("id"))));
    }

    @Test
    void twoPrimaryKeys() {
        assertEquals("createTable t: the table has more than one primary key; mark the key columns with c.primaryKey() "
                + "or call t.primaryKey(...) once.",
                failure(op -> op.createTable("t", t -> {
                    t.column("a", ColumnType.INTEGER, c -> c.primaryKey());
                    t.primaryKeyNamed("t_pk2", "a");
                })));
    }

    @Test
    void twoConstraintsWithOneName() {
        assertEquals("createTable t: two constraints are named t_a_key; give one of them another name.",
                failure(op -> op.createTable("t", t -> {
                    t.column("a", ColumnType.INTEGER, c -> c.unique());
                    t.unique("a");
                })));
    }

    @Test
    void badTypes() {
        assertEquals("ColumnType.varchar(0): the length must be at least 1; use ColumnType.TEXT for unbounded text.",
                assertThrows(MigrateException.class, () -> ColumnType.varchar(0)).getMessage());
        assertEquals("ColumnType.numeric(5, 6): the precision must be at least 1 and the scale between 0 and the "
                + "precision, for example numeric(10, 2).",
                assertThrows(MigrateException.class, () -> ColumnType.numeric(5, 6)).getMessage());
        assertEquals("ColumnType.enumOf(): no values given; list the allowed values, for example enumOf(\"open\", \"closed\").",
                assertThrows(MigrateException.class, () -> ColumnType.enumOf()).getMessage());
        assertEquals("ColumnType.enumOf[a, a]: a value is listed twice; list each value once.",
                assertThrows(MigrateException.class, () -> ColumnType.enumOf("a", "a")).getMessage());
    }

    @Test
    void aBlankDatabaseTypeIsRefused() {
        assertEquals("ColumnType.sql(): no type given; write the type as the database spells it, for example sql(\"inet\").",
                assertThrows(MigrateException.class, () -> ColumnType.sql(" ")).getMessage());
    }

    @Test
    void badColumns() {
        assertEquals("A column name is empty; give every column a name.",
                failure(op -> op.addColumn("t", "", ColumnType.INTEGER)));
        assertEquals("Column a has no type; pass a ColumnType such as ColumnType.BIGINT.",
                failure(op -> op.addColumn("t", "a", null)));
        assertEquals("Column a is an identity column of type TEXT; identity columns must be SMALLINT, INTEGER or BIGINT.",
                failure(op -> op.addColumn("t", "a", ColumnType.TEXT, c -> c.identity())));
        assertEquals("Column a is an identity column with a default; the identity generates the value, so remove the default.",
                failure(op -> op.addColumn("t", "a", ColumnType.BIGINT, c -> c.identity().defaultValue(1))));
        assertEquals("A default value is null; leave the default out (columns default to NULL) or use defaultSql(\"NULL\").",
                failure(op -> op.addColumn("t", "a", ColumnType.BIGINT, c -> c.defaultValue(null))));
        assertEquals("A default SQL expression is empty; write the expression, for example \"now()\".",
                failure(op -> op.addColumn("t", "a", ColumnType.BIGINT, c -> c.defaultSql(" "))));
        assertEquals("dropColumn t: the column name is empty; name the column to drop.", failure(op -> op.dropColumn("t", "")));
    }

    @Test
    void badConstraints() {
        assertEquals("Check constraint ck has no condition; write the SQL condition, for example \"price >= 0\".",
                failure(op -> op.addCheck("ck", "t", "")));
        assertEquals("A check constraint has an empty name; give it a name.", failure(op -> op.addCheck("", "t", "a > 0")));
        assertEquals("The unique constraint uq has no columns; list at least one column.", failure(op -> op.addUnique("uq", "t")));
        assertEquals("The primary key pk lists a column twice [a, a]; list each column once.",
                failure(op -> op.addPrimaryKey("pk", "t", "a", "a")));
        assertEquals("The foreign key fk lists an empty column name; name every column.",
                failure(op -> op.addForeignKey("fk", "t", Arrays.asList(""), "u", List.of("id"))));
        assertEquals("dropConstraint on t: the constraint name is empty; name the constraint to drop.",
                failure(op -> op.dropConstraint(" ", "t")));
    }

    @Test
    void badIndexes() {
        assertEquals("createIndex ix on t: the index has no columns; list at least one column or add an expression.",
                failure(op -> op.createIndex("ix", "t")));
        assertEquals("createIndex on t: the index name is empty; name the index (a later revision drops it by that name).",
                failure(op -> op.createIndex("", "t", "a")));
        assertEquals("createIndex ix: the where(...) condition is empty; write it or leave it out.",
                failure(op -> op.createIndex("ix", "t", List.of("a"), ix -> ix.where(""))));
        assertEquals("An index expression is empty; name every indexed column and write every expression.",
                failure(op -> op.createIndex("ix", "t", List.of("a"), ix -> ix.expression(" "))));
        assertEquals("dropIndex on t: the index name is empty; name the index to drop.", failure(op -> op.dropIndex("", "t")));
    }

    @Test
    void badColumnChanges() {
        assertEquals("alterColumn t.a changes nothing; set a type, nullability, default, comment or new name in the lambda.",
                failure(op -> op.alterColumn("t", "a", c -> { })));
        assertEquals("alterColumn t.a: using(...) converts values to a new type, but no type(...) is set; add type(...) or remove using(...).",
                failure(op -> op.alterColumn("t", "a", c -> c.using("a::int"))));
        assertEquals("alterColumn t.a: both sets and drops the default; choose one.",
                failure(op -> op.alterColumn("t", "a", c -> c.defaultValue(1).dropDefault())));
        assertEquals("alterColumn t.a: the new name is empty; give the new column name.",
                failure(op -> op.renameColumn("t", "a", "")));
        assertEquals("alterColumn t: the column name is empty; name the column to change.",
                failure(op -> op.alterColumn("t", "", c -> c.notNull())));
        assertEquals("renameTable t: the new name is empty; give the new table name.", failure(op -> op.renameTable("t", " ")));
    }

    @Test
    void badCommentChanges() {
        assertEquals("alterColumn t.a: both sets and drops the comment; choose one.",
                failure(op -> op.alterColumn("t", "a", c -> c.comment("x").dropComment())));
        assertEquals("alterColumn t.a: the comment is empty; use dropComment() to remove it.",
                failure(op -> op.alterColumn("t", "a", c -> c.comment(""))));
        assertEquals("alterColumn: comment(null) sets no comment; use dropComment() to remove it.",
                failure(op -> op.alterColumn("t", "a", c -> c.comment(null))));
        assertEquals("setTableComment t: the comment is empty; use dropTableComment(\"t\") to remove it.",
                failure(op -> op.setTableComment("t", "")));
        assertEquals("setTableComment t: the comment is null; use dropTableComment(\"t\") to remove it.",
                failure(op -> op.setTableComment("t", null)));
        assertEquals("setTableComment: the name is empty; give the table, index or sequence a name.",
                failure(op -> op.setTableComment(" ", "x")));
    }

    @Test
    void badSequenceAndBulkInsert() {
        assertEquals("createSequence s: incrementBy(0) never advances; use a non-zero step.",
                failure(op -> op.createSequence("s", s -> s.incrementBy(0))));
        assertEquals("bulkInsert into t: no columns given; list the columns the rows fill.",
                failure(op -> op.bulkInsert("t", List.of(), List.of())));
        assertEquals("bulkInsert into t: a column is listed twice [a, a]; list each column once.",
                failure(op -> op.bulkInsert("t", List.of("a", "a"), List.of())));
        assertEquals("bulkInsert into t: row 2 has 1 value(s) but 2 column(s) [a, b] are listed; give every row one "
                + "value per column.",
                failure(op -> op.bulkInsert("t", List.of("a", "b"), List.of(List.of(1, 2), List.of(3)))));
    }

    @Test
    void badAlterSequence() {
        assertEquals("alterSequence s: incrementBy(0) never advances; use a non-zero step.",
                failure(op -> op.alterSequence("s", s -> s.incrementBy(0))));
        assertEquals("alterSequence s: nothing to change; set at least one of incrementBy, startWith, restartWith, "
                + "minValue, maxValue or cycle in the lambda.", failure(op -> op.alterSequence("s", s -> { })));
        assertEquals("alterSequence s: minValue(10) is above maxValue(5); swap them.",
                failure(op -> op.alterSequence("s", s -> s.minValue(10).maxValue(5))));
        assertEquals("alterSequence: the name is empty; give the table, index or sequence a name.",
                failure(op -> op.alterSequence(" ", s -> s.incrementBy(2))));
    }

    @Test
    void recordedValuesAreImmutable() {
        RecordingOperations op = new RecordingOperations();
        op.createTable("t", t -> t.column("a", ColumnType.INTEGER));
        CreateTable table = (CreateTable) op.operations().get(0);
        assertThrows(UnsupportedOperationException.class, () -> table.columns().add(table.columns().get(0)));
        assertEquals(new CreateTable(QualifiedName.of(null, "t"),
                List.of(new Column("a", ColumnType.INTEGER, true, null, false, null)), List.of(), null), table);
    }

    @Test
    void usingIndexNeedsAnIndexName() {
        assertEquals("Constraint uq_email on users: usingIndex(...) names no index; give the name of the unique index "
                + "built before, e.g. k -> k.usingIndex(\"uq_email_ix\"), or leave usingIndex out to build a new index.",
                failure(op -> op.addUnique("uq_email", "users", List.of("email"), k -> k.usingIndex(" "))));
        assertEquals("Constraint users_pkey on users: usingIndex(...) names no index; give the name of the unique index "
                + "built before, e.g. k -> k.usingIndex(\"users_pkey_ix\"), or leave usingIndex out to build a new index.",
                failure(op -> op.addPrimaryKey("users_pkey", "users", List.of("id"), k -> k.usingIndex(null))));
    }

    @Test
    void usingIndexAppliesToKeysOnly() {
        QualifiedName users = QualifiedName.of(null, "users");
        assertEquals("Constraint ck_age on users: usingIndex applies to unique and primary keys only; a foreign key or "
                + "check has no index to take over.", assertThrows(MigrateException.class,
                () -> new AddConstraint(users, new TableConstraint.Check("ck_age", "age > 0"), false, "ix")).getMessage());
    }

    @Test
    void aKeyWithoutOptionsIsThePlainKey() {
        RecordingOperations op = new RecordingOperations();
        op.addUnique("uq_email", "users", List.of("email"), k -> { });
        op.addUnique("uq_email", "users", List.of("email"), k -> k.usingIndex("uq_email_ix"));
        QualifiedName users = QualifiedName.of(null, "users");
        TableConstraint.Unique unique = new TableConstraint.Unique("uq_email", List.of("email"));
        assertEquals(List.of(new AddConstraint(users, unique), new AddConstraint(users, unique, false, "uq_email_ix")),
                op.operations());
    }
}
