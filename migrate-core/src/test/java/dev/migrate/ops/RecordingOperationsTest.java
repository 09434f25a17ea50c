package dev.migrate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each {@code Operations} call records exactly one operation value, in call order. */
class RecordingOperationsTest {

    @Test
    void everyCallRecordsOneValue() {
        RecordingOperations op = new RecordingOperations();
        ConnectionCallback callback = connection -> { };
        op.createTable("t", t -> t.column("a", ColumnType.INTEGER));
        op.dropTable("t");
        op.renameTable("t", "u");
        op.addColumn("t", "b", ColumnType.TEXT);
        op.dropColumn("t", "b");
        op.renameColumn("t", "a", "c");
        op.alterColumn("t", "a", c -> c.notNull());
        op.createIndex("ix", "t", "a");
        op.dropIndex("ix", "t");
        op.addForeignKey("fk", "t", List.of("a"), "u", List.of("id"));
        op.addUnique("uq", "t", "a");
        op.addCheck("ck", "t", "a > 0");
        op.addPrimaryKey("pk", "t", "a");
        op.dropConstraint("ck", "t");
        op.createSequence("s");
        op.dropSequence("s");
        op.alterSequence("s", s -> s.incrementBy(20));
        op.execute("SELECT 1");
        op.execute("SELECT ?", 1);
        op.bulkInsert("t", List.of("a"), List.of(List.of(1)));
        op.batchedUpdate("t", "a = 1", "a IS NULL", 10);
        op.withConnection(callback);
        op.addUnique("uq", "t", List.of("a"), k -> k.usingIndex("uq_ix"));
        op.addPrimaryKey("pk", "t", List.of("a"), k -> k.usingIndex("pk_ix"));

        QualifiedName t = QualifiedName.of(null, "t");
        List<Operation> recorded = op.operations();
        assertEquals(List.of(CreateTable.class, DropTable.class, RenameTable.class, AddColumn.class, DropColumn.class,
                AlterColumn.class, AlterColumn.class, CreateIndex.class, DropIndex.class, AddConstraint.class,
                AddConstraint.class, AddConstraint.class, AddConstraint.class, DropConstraint.class, CreateSequence.class,
                DropSequence.class, AlterSequence.class, ExecuteSql.class, ExecuteSql.class, BulkInsert.class, BatchedUpdate.class,
                WithConnection.class, AddConstraint.class, AddConstraint.class), recorded.stream().map(Object::getClass).toList());
        assertEquals(new AlterColumn(t, "a", null, null, null, null, false, "c"), recorded.get(5));
        assertEquals(new CreateIndex("ix", t, List.of(IndexKey.column("a")), false, null, false), recorded.get(7));
        assertEquals(new AddConstraint(t, new TableConstraint.Unique("uq", List.of("a"))), recorded.get(10));
        assertEquals(AlterSequence.of(QualifiedName.of(null, "s"), 20L, null), recorded.get(16));
        assertEquals(new ExecuteSql("SELECT ?", List.of(1)), recorded.get(18));
        assertSame(callback, ((WithConnection) recorded.get(21)).callback());
        assertEquals(new AddConstraint(t, new TableConstraint.Unique("uq", List.of("a")), false, "uq_ix"), recorded.get(22));
        assertEquals(new AddConstraint(t, new TableConstraint.PrimaryKey("pk", List.of("a")), false, "pk_ix"), recorded.get(23));
    }

    @Test
    void commentCallsRecordTableCommentsAndColumnChanges() {
        RecordingOperations op = new RecordingOperations();
        op.setTableComment("app.t", "Tickets");
        op.dropTableComment("t");
        op.alterColumn("t", "a", c -> c.comment("Title"));
        op.alterColumn("t", "a", c -> c.dropComment());

        QualifiedName t = QualifiedName.of(null, "t");
        assertEquals(List.of(new TableComment(QualifiedName.of("app", "t"), "Tickets"), new TableComment(t, null),
                new AlterColumn(t, "a", null, null, null, null, false, null, "Title", false),
                new AlterColumn(t, "a", null, null, null, null, false, null, null, true)), op.operations());
    }

    @Test
    void schemasAreRecordedAndAnEmptyNameIsRefused() {
        RecordingOperations op = new RecordingOperations();
        op.createSchema("audit");
        op.dropSchema("audit");
        assertEquals(List.of(new CreateSchema("audit"), new DropSchema("audit")), op.operations());
        assertEquals("createSchema: the schema name is empty; name the schema.",
                org.junit.jupiter.api.Assertions.assertThrows(dev.migrate.MigrateException.class, () -> op.createSchema(" "))
                        .getMessage());
        assertEquals("dropSchema: the schema name is empty; name the schema.",
                org.junit.jupiter.api.Assertions.assertThrows(dev.migrate.MigrateException.class, () -> op.dropSchema(null))
                        .getMessage());
    }

    @Test
    void databaseIsTheNameRecordedFor() {
        assertEquals("mariadb", new RecordingOperations("mariadb").dialect());
        assertEquals("op.dialect(): these operations are recorded for no database (new RecordingOperations());"
                + " record them with new RecordingOperations(\"postgresql\"), \"h2\" or \"mariadb\" to say which.",
                assertThrows(MigrateException.class, () -> new RecordingOperations().dialect()).getMessage());
        assertEquals("RecordingOperations needs the database's dialect name, e.g. \"postgresql\", \"h2\" or \"mariadb\";"
                + " got ' '.", assertThrows(MigrateException.class, () -> new RecordingOperations(" ")).getMessage());
        assertEquals("RecordingOperations needs the database's dialect name, e.g. \"postgresql\", \"h2\" or \"mariadb\";"
                + " got null.", assertThrows(MigrateException.class, () -> new RecordingOperations(null)).getMessage());
    }
}
