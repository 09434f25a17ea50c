package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.ReviewNote;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.ops.ReferentialAction;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autogenerate through the source it writes, on PostgreSQL: from an empty database, generate the
 * first revision, compile it, upgrade, and find no change; change the model (a column, an index, a
 * new table with a foreign key, a wider column, a unique key), generate, compile, upgrade, find no change, and
 * downgrade back to the first schema.
 */
class AutogenerateRoundTripTest {

    private static final String URL_VARIABLE = "MIGRATE_TEST_POSTGRES_URL";

    @TempDir
    Path dir;

    private String adminUrl;
    private String database;
    private String url;
    private final List<IndexedRevision> revisions = new ArrayList<>();
    private String lastSource;

    @BeforeEach
    void createDatabase() throws SQLException {
        adminUrl = System.getenv(URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(URL_VARIABLE + " is not set (CI=true: a missing database is a failure)");
            }
            Assumptions.abort(URL_VARIABLE + " is not set");
        }
        database = "mt_autogen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        url = base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    static List<Operation> firstModel() {
        return List.of(
                CreateTable.of("agents", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("email", ColumnType.varchar(120), c -> c.notNull().unique())),
                CreateTable.of("tickets", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("title", ColumnType.varchar(80), c -> c.notNull())
                        .column("status", ColumnType.enumOf("open", "closed"), c -> c.notNull().defaultValue("open"))
                        .column("price", ColumnType.numeric(10, 2))));
    }

    static List<Operation> secondModel() {
        return List.of(
                CreateTable.of("agents", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("email", ColumnType.varchar(120), c -> c.notNull().unique())),
                CreateTable.of("tickets", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("title", ColumnType.varchar(200), c -> c.notNull())
                        .column("status", ColumnType.enumOf("open", "closed"), c -> c.notNull().defaultValue("open"))
                        .column("price", ColumnType.numeric(10, 2))
                        .column("assignee_id", ColumnType.BIGINT)
                        .column("resolved_at", ColumnType.TIMESTAMPTZ)
                        .uniqueNamed("uk_tickets_title", "title")),
                CreateTable.of("surveys", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("ticket_id", ColumnType.BIGINT, c -> c.notNull())
                        .column("score", ColumnType.SMALLINT, c -> c.notNull())),
                CreateIndex.of("ix_tickets_assignee", "tickets", List.of("assignee_id"), ix -> { }),
                AddConstraint.foreignKey("fk_tickets_assignee", "tickets", List.of("assignee_id"), "agents", List.of("id"),
                        a -> a.onDelete(ReferentialAction.SET_NULL)),
                AddConstraint.foreignKey("fk_surveys_ticket", "surveys", List.of("ticket_id"), "tickets", List.of("id"),
                        a -> a.onDelete(ReferentialAction.CASCADE)));
    }

    @Test
    void generatedRevisionsApplyRoundTripAndLeaveNoChange() throws Exception {
        AutogenerateResult first = generate(firstModel(), "r1", "CreateTickets", null);
        assertTrue(first.changes().stream().allMatch(c -> c instanceof Change.TableAdded), first.changes()::toString);
        migrator().upgrade("head");
        assertEquals(List.of(), describe(migrator().autogenerate(new ModelSchema("test", firstModel()), AutogenerateOptions.defaults())));
        SchemaSnapshot afterFirst = snapshot();

        AutogenerateResult second = generate(secondModel(), "r2", "AssignTickets", "r1");
        assertFalse(second.notes().isEmpty(), "a type change asks for review");
        // tickets exists: its index is built concurrently, its foreign key added NOT VALID and validated on its own.
        assertTrue(lastSource.contains("op.createIndex(\"ix_tickets_assignee\", \"tickets\", List.of(\"assignee_id\"), ix -> ix.concurrently());")
                && lastSource.contains("a -> a.onDelete(ReferentialAction.SET_NULL).notValid());")
                && lastSource.contains("op.validateConstraint(\"fk_tickets_assignee\", \"tickets\", v -> v.inOwnTransaction());"),
                lastSource);
        // and its unique key takes over a unique index built concurrently, both typed.
        assertTrue(lastSource.contains("op.createIndex(\"uk_tickets_title\", \"tickets\", List.of(\"title\"), "
                + "ix -> ix.unique().concurrently());\n")
                && lastSource.contains("op.addUnique(\"uk_tickets_title\", \"tickets\", List.of(\"title\"), "
                + "k -> k.usingIndex(\"uk_tickets_title\"));\n")
                && !lastSource.contains("op.execute("), lastSource);
        // surveys is new in this revision: plain forms.
        assertTrue(lastSource.contains("a -> a.onDelete(ReferentialAction.CASCADE));"), lastSource);
        migrator().upgrade("head");
        assertEquals(List.of(), describe(migrator().autogenerate(new ModelSchema("test", secondModel()),
                AutogenerateOptions.defaults())));

        migrator().downgrade("r1");
        assertEquals(afterFirst, snapshot(), "the generated downgrade did not restore the first schema");
    }

    /** Comments added, changed and removed: written as typed calls, compiled, applied and undone. */
    @Test
    void commentChangesRoundTripThroughTheGeneratedSource() throws Exception {
        List<Operation> commented = List.of(
                CreateTable.of("agents", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("email", ColumnType.varchar(120), c -> c.notNull().unique().comment("where replies go"))
                        .comment("People who answer tickets")),
                CreateTable.of("tickets", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("title", ColumnType.varchar(80), c -> c.notNull().comment("What it's \"about\""))
                        .column("status", ColumnType.enumOf("open", "closed"), c -> c.notNull().defaultValue("open"))
                        .column("price", ColumnType.numeric(10, 2))));
        generate(commented, "r1", "CreateAgents", null);
        migrator().upgrade("head");
        SchemaSnapshot afterFirst = snapshot();

        AutogenerateResult second = generate(firstModel(), "r2", "DropComments", "r1");
        assertEquals(List.of("~ comment of table agents: 'People who answer tickets' -> none",
                "~ comment of agents.email: 'where replies go' -> none",
                "~ comment of tickets.title: 'What it''s \"about\"' -> none"), describe(second));
        assertTrue(lastSource.contains("op.dropTableComment(\"agents\");\n")
                && lastSource.contains("op.alterColumn(\"agents\", \"email\", c -> c.dropComment());\n")
                && lastSource.contains("op.setTableComment(\"agents\", \"People who answer tickets\");\n")
                && lastSource.contains("op.alterColumn(\"tickets\", \"title\", c -> c.comment(\"What it's \\\"about\\\"\"));\n"),
                lastSource);
        migrator().upgrade("head");
        assertEquals(List.of(), describe(migrator().autogenerate(new ModelSchema("test", firstModel()),
                AutogenerateOptions.defaults())));
        migrator().downgrade("r1");
        assertEquals(afterFirst, snapshot(), "the generated downgrade did not restore the comments");
    }

    private AutogenerateResult generate(List<Operation> model, String id, String className, String parent) throws Exception {
        AutogenerateResult result = migrator().autogenerate(new ModelSchema("test", model), AutogenerateOptions.defaults());
        NewRevision revision = new NewRevision("com.acme.db", className, id, parent == null ? List.of() : List.of(parent),
                List.of(), List.of(), className);
        Path file = RevisionSourceWriter.write(revision, new RevisionBody(result.upgrade(), result.downgrade(),
                result.notes().stream().map(ReviewNote::text).toList()), dir.resolve("src"));
        lastSource = Files.readString(file);
        Migration migration = compile(file, "com.acme.db." + className);
        revisions.add(new IndexedRevision(new RevisionDescriptor(id, revision.revises(), List.of(), List.of(), className,
                "com.acme.db." + className), () -> migration));
        return result;
    }

    private Migrator migrator() {
        return Migrator.builder().url(url).revisions(List.copyOf(revisions)).build();
    }

    private SchemaSnapshot snapshot() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return SchemaIntrospector.forUrl(url).snapshot(connection, null)
                    .withoutTables(List.of("migrate_version", "migrate_history", "migrate_lock", "migrate_progress"));
        }
    }

    private Migration compile(Path file, String className) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        Path classes = Files.createDirectories(dir.resolve("classes-" + className));
        boolean ok = compiler.getTask(errors, null, null,
                List.of("-proc:none", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
                null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertTrue(ok, errors + "\n" + Files.readString(file));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return (Migration) loader.loadClass(className).getDeclaredConstructor().newInstance();
    }

    private static List<String> describe(AutogenerateResult result) {
        return result.changes().stream().map(Change::describe).toList();
    }
}
