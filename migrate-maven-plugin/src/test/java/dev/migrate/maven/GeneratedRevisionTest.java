package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Migration;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.RenameTable;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source autogenerate writes compiles, and running it records exactly the operations it was written from. */
class GeneratedRevisionTest {

    @TempDir
    Path dir;

    static List<Operation> everyKind() {
        QualifiedName tickets = QualifiedName.of(null, "tickets");
        return List.of(
                new RenameTable(QualifiedName.of(null, "issues"), "tickets"),
                new AlterColumn(tickets, "state", null, null, null, null, false, "status"),
                new DropConstraint(tickets, "fk_old"),
                new DropIndex("ix_old", tickets, false, false),
                CreateSequence.of("ticket_numbers", s -> s.startWith(1000).incrementBy(10)),
                CreateSequence.of("plain_numbers", s -> { }),
                CreateSequence.of("uncached_numbers", s -> s.incrementBy(50).noCache()),
                CreateTable.of("agents", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("email", ColumnType.varchar(120), c -> c.notNull().unique())
                        .column("level", ColumnType.enumOf("junior", "senior"), c -> c.notNull().defaultValue("junior"))
                        .column("rate", ColumnType.numeric(10, 2), c -> c.defaultValue(new BigDecimal("1.50")))
                        .column("big", ColumnType.BIGINT, c -> c.defaultValue(7L))
                        .column("active", ColumnType.BOOLEAN, c -> c.notNull().defaultValue(true))
                        .column("joined", ColumnType.TIMESTAMPTZ, c -> c.defaultSql("now()"))
                        .column("addr", ColumnType.sql("inet"))
                        .column("team_id", ColumnType.INTEGER)
                        .check("ck_rate", "\"rate\" >= 0")
                        .foreignKey("team_id").references("teams", "id").name("fk_team").onDelete(ReferentialAction.CASCADE)),
                new AddColumn(tickets, new dev.migrate.ops.Column("assignee_id", ColumnType.BIGINT, true, null, false, null),
                        List.of()),
                new AlterColumn(tickets, "title", ColumnType.varchar(200), null, false, null, false, null),
                new AlterColumn(tickets, "priority", null, null, null, null, true, null),
                new AlterColumn(tickets, "priority", null, null, true, dev.migrate.ops.ServerDefault.value(3), false, null),
                CreateIndex.of("ix_tickets_assignee", "tickets", List.of("assignee_id"), ix -> { }),
                CreateIndex.of("ix_tickets_lower", "tickets", List.of("status"), ix -> ix.unique().where("\"status\" <> 'x'")),
                // a column after an expression keeps its place: (status, lower(title), opened_at DESC)
                CreateIndex.of("ix_tickets_mixed", "tickets", List.of("status"),
                        ix -> ix.expression("lower(title)").column("opened_at DESC")),
                AddConstraint.foreignKey("fk_tickets_assignee", "tickets", List.of("assignee_id"), "agents", List.of("id"),
                        a -> a.onDelete(ReferentialAction.SET_NULL)),
                AddConstraint.foreignKey("fk_plain", "tickets", List.of("assignee_id"), "agents", List.of("id"), a -> { }),
                new AddConstraint(tickets, new dev.migrate.ops.TableConstraint.Unique("uk_tickets", List.of("title", "status"))),
                new AddConstraint(tickets, new dev.migrate.ops.TableConstraint.Check("ck_tickets", "\"priority\" >= 0")),
                new AddConstraint(tickets, new dev.migrate.ops.TableConstraint.Unique("uk_tickets_code", List.of("code")),
                        false, "uk_tickets_code_ix"),
                new AddConstraint(tickets, new dev.migrate.ops.TableConstraint.PrimaryKey("pk_tickets", List.of("id", "kind")),
                        false, "pk_tickets_ix"),
                new DropColumn(tickets, "legacy"),
                new DropTable(QualifiedName.of(null, "old_table")),
                new DropSequence(QualifiedName.of(null, "old_numbers")),
                new dev.migrate.ops.CreateSchema("audit"),
                CreateTable.of("audit.events", t -> t.column("id", ColumnType.BIGINT, c -> c.primaryKey())),
                new dev.migrate.ops.DropSchema("old_audit"),
                dev.migrate.ops.AlterSequence.of(QualifiedName.of(null, "ticket_numbers"), 20L, 100L),
                dev.migrate.ops.AlterSequence.of("app.ticket_numbers",
                        s -> s.minValue(1).maxValue(9000).restartWith(5).cycle(false)),
                new ExecuteSql("ALTER TABLE \"tickets\" ADD CONSTRAINT \"x\" EXCLUDE USING gist (\"room\" WITH =)", List.of()));
    }

    @Test
    void generatedSourceRecordsTheSameOperations() throws Exception {
        List<Operation> upgrade = everyKind();
        List<Operation> downgrade = List.of(new DropTable(QualifiedName.of(null, "agents")));
        NewRevision revision = new NewRevision("com.acme.db", "AssignTickets", "0a1b2c3d4e5f", List.of("1975ea83b712"),
                List.of(), List.of(), "assign tickets");
        Path file = RevisionSourceWriter.write(revision, new RevisionBody(upgrade, downgrade,
                List.of("dropping tickets.legacy loses its data", "two\nlines")), dir);
        String source = Files.readString(file);
        assertTrue(source.contains("// REVIEW: dropping tickets.legacy loses its data\n"), source);
        assertTrue(source.contains("// REVIEW: two lines\n"), source);
        assertTrue(source.contains("op.createTable(\"agents\", t -> {"), source);
        assertTrue(source.contains("op.createSchema(\"audit\");\n"), source);
        assertTrue(source.contains("op.createTable(\"audit.events\", t -> {"), source);
        assertTrue(source.contains("op.dropSchema(\"old_audit\");\n"), source);
        assertTrue(source.contains("op.addUnique(\"uk_tickets_code\", \"tickets\", List.of(\"code\"), "
                + "k -> k.usingIndex(\"uk_tickets_code_ix\"));\n"), source);
        assertTrue(source.contains("op.addPrimaryKey(\"pk_tickets\", \"tickets\", List.of(\"id\", \"kind\"), "
                + "k -> k.usingIndex(\"pk_tickets_ix\"));\n"), source);

        Migration migration = compileAndLoad(file, "com.acme.db.AssignTickets");
        RecordingOperations up = new RecordingOperations();
        migration.upgrade(up);
        assertEquals(upgrade, up.operations(), source);
        RecordingOperations down = new RecordingOperations();
        migration.downgrade(down);
        assertEquals(downgrade, down.operations(), source);
    }

    @Test
    void commentChangesAreWrittenAsTypedCalls() throws Exception {
        QualifiedName tickets = QualifiedName.of(null, "tickets");
        List<Operation> upgrade = List.of(
                new dev.migrate.ops.TableComment(tickets, "Support's \"tickets\""),
                new AlterColumn(tickets, "title", null, null, null, null, false, null, "What it's about", false),
                new AlterColumn(tickets, "status", null, null, null, null, false, null, null, true),
                new AlterColumn(tickets, "state", null, null, null, null, false, "status2", "renamed", false));
        List<Operation> downgrade = List.of(
                new AlterColumn(tickets, "status", null, null, null, null, false, null, "open or closed", false),
                new AlterColumn(tickets, "title", null, null, null, null, false, null, null, true),
                new dev.migrate.ops.TableComment(tickets, null));
        NewRevision revision = new NewRevision("com.acme.db", "CommentTickets", "0a1b2c3d4e60", List.of("1975ea83b712"),
                List.of(), List.of(), "comment tickets");
        Path file = RevisionSourceWriter.write(revision, new RevisionBody(upgrade, downgrade, List.of()), dir);
        String source = Files.readString(file);
        assertTrue(source.contains("op.setTableComment(\"tickets\", \"Support's \\\"tickets\\\"\");\n"), source);
        assertTrue(source.contains("op.alterColumn(\"tickets\", \"title\", c -> c.comment(\"What it's about\"));\n"), source);
        assertTrue(source.contains("op.alterColumn(\"tickets\", \"status\", c -> c.dropComment());\n"), source);
        assertTrue(source.contains("op.dropTableComment(\"tickets\");\n"), source);

        Migration migration = compileAndLoad(file, "com.acme.db.CommentTickets");
        RecordingOperations up = new RecordingOperations();
        migration.upgrade(up);
        assertEquals(upgrade, up.operations(), source);
        RecordingOperations down = new RecordingOperations();
        migration.downgrade(down);
        assertEquals(downgrade, down.operations(), source);
    }

    private Migration compileAndLoad(Path file, String className) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        boolean ok = compiler.getTask(errors, null, null,
                List.of("-proc:none", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
                null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertTrue(ok, errors + "\n" + Files.readString(file));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return (Migration) loader.loadClass(className).getDeclaredConstructor().newInstance();
    }
}
