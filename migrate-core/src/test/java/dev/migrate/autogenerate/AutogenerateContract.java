package dev.migrate.autogenerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.SchemaIntrospector;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.testing.LambdaMigration;
import dev.migrate.testing.TestDatabase;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autogenerate on a real database, one test per kind of change, each a round trip: the database
 * starts from revision {@code base}, autogenerate compares it with a model, the generated upgrade
 * is applied as a second revision, autogenerate then finds no change, and the generated downgrade
 * brings back the schema as it was. Every test works in its own schema.
 */
abstract class AutogenerateContract {

    /** The schema names the scratch work must never leave behind. */
    protected abstract List<String> schemaNames(TestDatabase database) throws SQLException;

    /**
     * The name of a {@link Scenario}'s own schema, {@code ag_<hex>}; dropped with the test class's
     * database (an H2 database or a PostgreSQL database of its own holds it).
     */
    protected String scenarioSchema(TestDatabase database) {
        return "ag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Whether the database has the online forms (concurrent index builds, NOT VALID): PostgreSQL only. */
    protected boolean onlineForms() {
        return false;
    }

    // ---- the model and database pieces the tests combine ----

    static CreateTable agents() {
        return CreateTable.of("agents", t -> t
                .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                .column("email", ColumnType.varchar(120), c -> c.notNull()));
    }

    static CreateTable tickets(boolean withAssignee) {
        return CreateTable.of("tickets", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                    .column("title", ColumnType.varchar(80), c -> c.notNull())
                    .column("priority", ColumnType.INTEGER, c -> c.defaultValue(0));
            if (withAssignee) {
                t.column("assignee_id", ColumnType.BIGINT);
            }
        });
    }

    static AddConstraint assigneeKey() {
        return AddConstraint.foreignKey("fk_tickets_assignee", "tickets", List.of("assignee_id"), "agents", List.of("id"),
                a -> a.onDelete(ReferentialAction.SET_NULL));
    }

    /** A model with one of each kind of object autogenerate compares. */
    static List<Operation> everyKindOfObject() {
        return List.of(
            CreateSequence.of("ticket_numbers", s -> s.startWith(1000).incrementBy(10)),
            agents(),
            CreateTable.of("tickets", t -> t
                    .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                    .column("number", ColumnType.INTEGER, c -> c.notNull().unique())
                    .column("title", ColumnType.varchar(255), c -> c.notNull())
                    .column("body", ColumnType.TEXT)
                    .column("status", ColumnType.enumOf("open", "closed"), c -> c.notNull().defaultValue("open"))
                    .column("price", ColumnType.numeric(10, 2), c -> c.defaultValue(0))
                    .column("urgent", ColumnType.BOOLEAN, c -> c.notNull().defaultValue(false))
                    .column("opened_at", ColumnType.TIMESTAMP)
                    .column("closed_on", ColumnType.DATE)
                    .column("ref", ColumnType.UUID)
                    .column("assignee_id", ColumnType.BIGINT)
                    .check("tickets_price_check", "\"price\" >= 0")),
            CreateIndex.of("ix_tickets_status", "tickets", List.of("status", "opened_at"), ix -> { }),
            assigneeKey());
    }

    // ---- the kinds of change ----

    @Test
    void theSameModelAgainIsNoChange(TestDatabase database) throws SQLException {
        List<Operation> model = everyKindOfObject();
        Scenario scenario = new Scenario(database, model);
        AutogenerateResult result = scenario.autogenerate(model, AutogenerateOptions.defaults());
        assertEquals(List.of(), describe(result), "a database built from the model differs from it");
        assertNoScratchSchemaLeft(database);
    }

    @Test
    void tableAddedWithItsForeignKeyAndIndex(TestDatabase database) throws SQLException {
        List<Operation> model = List.of(agents(), tickets(true), assigneeKey(),
                CreateIndex.of("ix_tickets_assignee", "tickets", List.of("assignee_id"), ix -> { }));
        AutogenerateResult result = new Scenario(database, List.of(agents())).roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.TableAdded.class, Change.ForeignKeyAdded.class, Change.IndexAdded.class);
        List<Class<?>> order = result.upgrade().stream().map(Object::getClass).collect(Collectors.toList());
        assertTrue(order.indexOf(CreateTable.class) < order.indexOf(AddConstraint.class), order::toString);
        assertNoScratchSchemaLeft(database);
    }

    @Test
    void unmappedTablesAreLeftAloneUnlessAskedToDropThem(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of(agents(), tickets(true), assigneeKey()));
        assertEquals(List.of(), describe(scenario.autogenerate(List.of(agents()), AutogenerateOptions.defaults())));
        AutogenerateResult result = scenario.roundTrip(List.of(agents()), new AutogenerateOptions(List.of(), true));
        assertKinds(result, Change.TableDropped.class);
        assertTrue(result.notes().stream().anyMatch(n -> n.text().contains("loses its rows")), result.notes()::toString);
    }

    @Test
    void columnsAddedAndDropped(TestDatabase database) throws SQLException {
        List<Operation> model = List.of(CreateTable.of("tickets", t -> t
                .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                .column("title", ColumnType.varchar(80), c -> c.notNull())
                .column("channel", ColumnType.varchar(20), c -> c.notNull().defaultValue("web"))
                .column("resolved_at", ColumnType.TIMESTAMP)));
        AutogenerateResult result = new Scenario(database, List.of(tickets(false))).roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.ColumnAdded.class, Change.ColumnAdded.class, Change.ColumnDropped.class);
        assertTrue(result.notes().stream().anyMatch(n -> n.text().contains("priority loses its data")), result.notes()::toString);
    }

    @Test
    void typeNullabilityAndDefaultChanges(TestDatabase database) throws SQLException {
        List<Operation> model = List.of(CreateTable.of("tickets", t -> t
                .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                .column("title", ColumnType.varchar(200))
                .column("priority", ColumnType.BIGINT, c -> c.notNull().defaultValue(3))));
        AutogenerateResult result = new Scenario(database, List.of(tickets(false))).roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.TypeChanged.class, Change.NullabilityChanged.class, Change.TypeChanged.class,
                Change.NullabilityChanged.class, Change.DefaultChanged.class);
        assertTrue(result.notes().stream().anyMatch(n -> n.text().contains("rewrite the table")), result.notes()::toString);
        assertTrue(result.notes().stream().anyMatch(n -> n.text().contains("NOT NULL on tickets.priority")),
                result.notes()::toString);
    }

    /**
     * Comments set, changed and removed on existing tables and columns; the downgrade brings the old
     * ones back (the round trip compares them), and a table dropped with a comment comes back with it.
     */
    @Test
    void commentsSetChangedAndRemoved(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(
                CreateTable.of("agents", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("email", ColumnType.varchar(120), c -> c.notNull().comment("where replies go"))
                        .comment("People who answer")),
                CreateTable.of("tickets", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("title", ColumnType.varchar(80), c -> c.notNull().comment("old title"))
                        .column("priority", ColumnType.INTEGER, c -> c.defaultValue(0))
                        .comment("Old tickets")));
        List<Operation> model = List.of(
                CreateTable.of("agents", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("email", ColumnType.varchar(120), c -> c.notNull().comment("where replies go"))),
                CreateTable.of("tickets", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("title", ColumnType.varchar(80), c -> c.notNull())
                        .column("priority", ColumnType.INTEGER, c -> c.defaultValue(0).comment("1 is urgent"))
                        .comment("Support's tickets")));
        Scenario scenario = new Scenario(database, base);
        AutogenerateResult result = scenario.roundTrip(model, AutogenerateOptions.defaults());
        String agents = scenario.snapshot().table("agents").orElseThrow().name();
        String tickets = scenario.snapshot().table("tickets").orElseThrow().name();
        String title = scenario.snapshot().table("tickets").orElseThrow().columns().get(1).name();
        String priority = scenario.snapshot().table("tickets").orElseThrow().columns().get(2).name();
        assertEquals(List.of("~ comment of table " + agents + ": 'People who answer' -> none",
                "~ comment of table " + tickets + ": 'Old tickets' -> 'Support''s tickets'",
                "~ comment of " + tickets + "." + title + ": 'old title' -> none",
                "~ comment of " + tickets + "." + priority + ": none -> '1 is urgent'"), describe(result));
        assertEquals(List.of(), result.notes(), "a comment change needs no review");

        AutogenerateResult dropped = scenario.roundTrip(List.of(base.get(1)), new AutogenerateOptions(List.of(), true));
        assertKinds(dropped, Change.TableDropped.class);
    }

    @Test
    void uniqueAndCheckConstraintsAddedAndDropped(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(CreateTable.of("products", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("code", ColumnType.varchar(10), c -> c.notNull())
                .column("price", ColumnType.INTEGER)
                .unique("code")));
        List<Operation> model = List.of(CreateTable.of("products", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("code", ColumnType.varchar(10), c -> c.notNull())
                .column("price", ColumnType.INTEGER)
                .uniqueNamed("uk_products_code_price", "code", "price")
                .check("ck_products_price", "\"price\" >= 0")));
        AutogenerateResult result = new Scenario(database, base).roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.UniqueAdded.class, Change.CheckAdded.class, Change.UniqueDropped.class);
    }

    @Test
    void foreignKeysMatchByStructureNotName(TestDatabase database) throws SQLException {
        AddConstraint renamedKey = AddConstraint.foreignKey("some_other_name", "tickets", List.of("assignee_id"), "agents",
                List.of("id"), a -> a.onDelete(ReferentialAction.SET_NULL));
        Scenario scenario = new Scenario(database, List.of(agents(), tickets(true), assigneeKey()));
        assertEquals(List.of(), describe(scenario.autogenerate(List.of(agents(), tickets(true), renamedKey),
                AutogenerateOptions.defaults())));
        AddConstraint cascading = AddConstraint.foreignKey("fk_tickets_assignee", "tickets", List.of("assignee_id"), "agents",
                List.of("id"), a -> a.onDelete(ReferentialAction.CASCADE));
        AutogenerateResult result = scenario.roundTrip(List.of(agents(), tickets(true), cascading), AutogenerateOptions.defaults());
        assertKinds(result, Change.ForeignKeyAdded.class, Change.ForeignKeyDropped.class);
        int drop = indexOf(result.upgrade(), dev.migrate.ops.DropConstraint.class);
        int add = indexOf(result.upgrade(), AddConstraint.class);
        assertTrue(drop < add, result.upgrade()::toString);
    }

    @Test
    void indexesAddedAndDropped(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(tickets(false), CreateIndex.of("ix_old", "tickets", List.of("title"), ix -> { }));
        List<Operation> model = List.of(tickets(false),
                CreateIndex.of("ix_new", "tickets", List.of("priority", "title"), ix -> { }));
        AutogenerateResult result = new Scenario(database, base).roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.IndexAdded.class, Change.IndexDropped.class);
    }

    /**
     * An index keeps its name over other columns, or in another order, or is renamed over the same
     * columns (what {@code @Index} changes do): each is dropped and created again, the drop first so
     * that a kept name is free, and the downgrade brings back the old ones.
     */
    @Test
    void indexesRedefinedOrRenamedAreReplaced(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(tickets(false),
                CreateIndex.of("ix_kept", "tickets", List.of("priority", "title"), ix -> { }),
                CreateIndex.of("ix_old_name", "tickets", List.of("title"), ix -> { }));
        List<Operation> model = List.of(tickets(false),
                CreateIndex.of("ix_kept", "tickets", List.of("title", "priority"), ix -> { }),
                CreateIndex.of("ix_new_name", "tickets", List.of("title"), ix -> { }));
        AutogenerateResult result = new Scenario(database, base).roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.IndexAdded.class, Change.IndexAdded.class, Change.IndexDropped.class,
                Change.IndexDropped.class);
        List<Operation> upgrade = result.upgrade();
        assertTrue(upgrade.stream().filter(o -> o instanceof dev.migrate.ops.DropIndex).map(upgrade::indexOf)
                .allMatch(drop -> drop < indexOf(upgrade, CreateIndex.class)), upgrade::toString);
    }

    /**
     * A descending key ({@code priority DESC}, JPA's {@code @Index(columnList = "priority desc")}) is a
     * column every database indexes, not an expression: added, found again unchanged, and recreated
     * from the database's own listing ({@code PRIORITY DESC}) when a downgrade brings it back.
     */
    @Test
    void aDescendingIndexKeyIsAColumnOnEveryDatabase(TestDatabase database) throws SQLException {
        CreateIndex descending = CreateIndex.of("ix_tickets_priority", "tickets", List.of("priority DESC", "title"), ix -> { });
        AutogenerateResult added = new Scenario(database, List.of(tickets(false)))
                .roundTrip(List.of(tickets(false), descending), AutogenerateOptions.defaults());
        assertKinds(added, Change.IndexAdded.class);
        AutogenerateResult dropped = new Scenario(database, List.of(tickets(false), descending))
                .roundTrip(List.of(tickets(false)), AutogenerateOptions.defaults());
        assertKinds(dropped, Change.IndexDropped.class);
    }

    @Test
    void sequencesAddedAndDroppedWhenAsked(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(tickets(false), CreateSequence.of("old_numbers", s -> s.startWith(5).incrementBy(50)));
        List<Operation> model = List.of(tickets(false), CreateSequence.of("ticket_numbers", s -> s.startWith(100)));
        Scenario scenario = new Scenario(database, base);
        assertKinds(scenario.autogenerate(model, AutogenerateOptions.defaults()), Change.SequenceAdded.class);
        AutogenerateResult result = scenario.roundTrip(model, new AutogenerateOptions(List.of(), true));
        assertKinds(result, Change.SequenceAdded.class, Change.SequenceDropped.class);
    }

    @Test
    void aSequenceWhoseStepOrStartChangedIsAlteredAndAlteredBack(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(CreateSequence.of("ticket_numbers", s -> s.startWith(1).incrementBy(50)));
        List<Operation> model = List.of(CreateSequence.of("ticket_numbers", s -> s.startWith(100).incrementBy(20)));
        AutogenerateResult result = new Scenario(database, base).roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.SequenceChanged.class);
        assertTrue(describe(result).get(0).matches("(?i)~ sequence ticket_numbers increment 50 -> 20 start 1 -> 100"),
                describe(result)::toString);
        assertEquals(1, result.upgrade().size());
        AlterSequence upgrade = (AlterSequence) result.upgrade().get(0);
        AlterSequence downgrade = (AlterSequence) result.downgrade().get(0);
        assertEquals(List.of(20L, 100L), java.util.Arrays.asList(upgrade.increment(), upgrade.start()));
        assertEquals(List.of(50L, 1L), java.util.Arrays.asList(downgrade.increment(), downgrade.start()));
        assertEquals(null, upgrade.restart(), "never restarts: that would hand out ids in use again");
    }

    @Test
    void renamesOnlyFromHintsAndAHintSuggested(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(CreateTable.of("issues", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("state", ColumnType.varchar(20))));
        List<Operation> model = List.of(CreateTable.of("tickets", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("status", ColumnType.varchar(20))));
        Scenario scenario = new Scenario(database, base);
        AutogenerateResult result = scenario.roundTrip(model,
                new AutogenerateOptions(AutogenerateOptions.parseRenames("issues:tickets,tickets.state:tickets.status"), false));
        assertKinds(result, Change.TableRenamed.class, Change.ColumnRenamed.class);

        List<Operation> renamedColumnOnly = List.of(CreateTable.of("issues", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("status", ColumnType.varchar(20))));
        AutogenerateResult unhinted = scenario.autogenerate(renamedColumnOnly, AutogenerateOptions.defaults());
        assertKinds(unhinted, Change.ColumnAdded.class, Change.ColumnDropped.class);
        assertTrue(unhinted.notes().stream().anyMatch(n -> n.text().contains("-Dmigrate.renames=issues.state:issues.status")),
                unhinted.notes()::toString);
    }

    @Test
    void dropAddPairsThatDifferOnlyByNamingPointAtTheNamingStrategy(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of(CreateTable.of("camel_tickets", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("assigneeId", ColumnType.BIGINT)
                .column("openedAt", ColumnType.TIMESTAMP))));
        AutogenerateResult result = scenario.autogenerate(List.of(CreateTable.of("camel_tickets", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("assignee_id", ColumnType.BIGINT)
                .column("opened_at", ColumnType.TIMESTAMP))), AutogenerateOptions.defaults());
        assertTrue(result.notes().stream().anyMatch(n -> n.text().contains("check migrate.namingStrategy")),
                result.notes()::toString);
    }

    /**
     * A change on a table that exists and has rows: on PostgreSQL the generated upgrade uses the
     * online forms, lints clean (no warning or error once migrate.ddlLockTimeout is set) and runs;
     * elsewhere it keeps the plain forms, as the online ones do not exist there.
     */
    @Test
    void aChangeOnAnExistingTableUsesTheOnlineFormsWhereTheDatabaseHasThem(TestDatabase database) throws SQLException {
        List<Operation> base = List.of(agents(), tickets(false),
                CreateIndex.of("ix_tickets_old", "tickets", List.of("priority"), ix -> { }));
        Scenario scenario = new Scenario(database, base);
        scenario.execute("INSERT INTO %s.%s (%s) VALUES ('a@example.com')", "agents", "email");
        scenario.execute("INSERT INTO %s.%s (%s, %s) VALUES ('printer', 1), ('mail', 2)", "tickets", "title", "priority");
        List<Operation> model = List.of(agents(),
                CreateTable.of("tickets", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("title", ColumnType.varchar(200), c -> c.notNull())
                        .column("priority", ColumnType.INTEGER, c -> c.defaultValue(0))
                        .column("assignee_id", ColumnType.BIGINT)
                        .uniqueNamed("uk_tickets_title", "title")
                        .check("ck_tickets_priority", "\"priority\" >= 0")),
                assigneeKey(),
                CreateIndex.of("ix_tickets_assignee", "tickets", List.of("assignee_id"), ix -> { }));
        AutogenerateResult result = scenario.roundTrip(model, AutogenerateOptions.defaults());
        assertKinds(result, Change.ColumnAdded.class, Change.TypeChanged.class, Change.UniqueAdded.class,
                Change.CheckAdded.class, Change.ForeignKeyAdded.class, Change.IndexAdded.class, Change.IndexDropped.class);
        List<Operation> upgrade = result.upgrade();
        boolean concurrent = upgrade.stream().anyMatch(o -> o instanceof CreateIndex i && i.concurrently()
                || o instanceof dev.migrate.ops.DropIndex d && d.concurrently());
        boolean notValid = upgrade.stream().anyMatch(o -> o instanceof AddConstraint a && a.notValid());
        long validations = upgrade.stream().filter(o -> o instanceof dev.migrate.ops.ValidateConstraint v && v.ownTransaction())
                .count();
        if (!onlineForms()) {
            assertFalse(concurrent || notValid || validations > 0, upgrade::toString);
            return;
        }
        assertTrue(upgrade.stream().filter(o -> o instanceof CreateIndex).allMatch(o -> ((CreateIndex) o).concurrently()),
                upgrade::toString);
        assertTrue(upgrade.stream().filter(o -> o instanceof dev.migrate.ops.DropIndex)
                .allMatch(o -> ((dev.migrate.ops.DropIndex) o).concurrently()), upgrade::toString);
        assertEquals(2, upgrade.stream().filter(o -> o instanceof AddConstraint a && a.notValid()).count(), upgrade::toString);
        assertEquals(2, validations, upgrade::toString);
        assertTrue(upgrade.stream().anyMatch(o -> o instanceof AddConstraint a && "uk_tickets_title".equals(a.usingIndex())),
                upgrade::toString);
        assertTrue(upgrade.stream().noneMatch(o -> o instanceof dev.migrate.ops.ExecuteSql), upgrade::toString);
        int lastAdd = 0;
        for (int i = 0; i < upgrade.size(); i++) {
            if (upgrade.get(i) instanceof AddConstraint) {
                lastAdd = i;
            }
        }
        assertTrue(upgrade.get(upgrade.size() - 1) instanceof dev.migrate.ops.ValidateConstraint
                && lastAdd < upgrade.size() - validations, "validations come after the adds: " + upgrade);

        List<dev.migrate.lint.LintFinding> findings = new dev.migrate.lint.Linter(java.time.Duration.ofSeconds(3)).lint(List.of(
                new dev.migrate.lint.LintedRevision("r0", "test.Rev_r0", base, List.of()),
                new dev.migrate.lint.LintedRevision("r1", "test.Rev_r1", upgrade, List.of())), java.util.Set.of("r1"), false);
        assertEquals(List.of(), findings.stream().filter(f -> f.severity() != dev.migrate.lint.Severity.INFO).toList());

        // The plain forms of the same upgrade are what the lint exists to catch.
        List<Operation> plain = upgrade.stream().map(AutogenerateContract::plain).filter(java.util.Objects::nonNull).toList();
        List<String> rules = new dev.migrate.lint.Linter(java.time.Duration.ofSeconds(3)).lint(List.of(
                new dev.migrate.lint.LintedRevision("r0", "test.Rev_r0", base, List.of()),
                new dev.migrate.lint.LintedRevision("r1", "test.Rev_r1", plain, List.of())), java.util.Set.of("r1"), false)
                .stream().filter(f -> f.severity() != dev.migrate.lint.Severity.INFO)
                .map(dev.migrate.lint.LintFinding::rule).distinct().sorted().toList();
        assertEquals(List.of("MG100", "MG101", "MG102", "MG104"), rules);
    }

    private static Operation plain(Operation operation) {
        if (operation instanceof CreateIndex i) {
            return new CreateIndex(i.name(), i.table(), i.keys(), i.unique(), i.where(), false);
        } else if (operation instanceof dev.migrate.ops.DropIndex d) {
            return new dev.migrate.ops.DropIndex(d.name(), d.table(), false, d.ifExists());
        } else if (operation instanceof AddConstraint a) {
            return new AddConstraint(a.table(), a.constraint());
        }
        return operation instanceof dev.migrate.ops.ValidateConstraint ? null : operation;
    }

    /** The version-table read and the comparison share one connection (a DataSource counts them here). */
    @Test
    void oneConnectionServesTheHeadCheckAndTheComparison(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of(agents()));
        AtomicInteger opened = new AtomicInteger();
        DataSource counting = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    opened.incrementAndGet();
                    return database.connect();
                });
        Migrator migrator = Migrator.builder().dataSource(counting).schema(scenario.schema()).revisions(scenario.revisions)
                .build();
        AutogenerateResult result = migrator.autogenerate(new ModelSchema("test", List.of(agents())),
                AutogenerateOptions.defaults());
        assertEquals(List.of(), describe(result));
        assertEquals(1, opened.get(), "connections opened by autogenerate");
    }

    @Test
    void aDatabaseBehindHeadIsRefused(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of(agents()));
        Migrator behind = scenario.migrator(List.of(scenario.revision("r0", null, List.of(agents()), List.of()),
                scenario.revision("r1", "r0", List.of(tickets(false)), List.of())));
        MigrateException e = assertThrows(MigrateException.class,
                () -> behind.autogenerate(new ModelSchema("test", List.of(agents())), AutogenerateOptions.defaults()));
        assertEquals("The database is at r0, the code's head is r1: run mvn migrate:upgrade first, then autogenerate.",
                e.getMessage());
    }

    /**
     * A model over two schemas ({@code @Table(schema = ...)}), with foreign keys both ways between
     * them and a sequence in the other one: generated from nothing (the other schema created first),
     * applied, found equal to the model, undone to an empty schema and none;
     * unmapped tables are dropped (when asked) only in the schemas the model names.
     */
    @Test
    void aModelOverTwoSchemasIsComparedWithBoth(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of());
        dev.migrate.dialect.Dialect dialect = dev.migrate.dialect.Dialects.forUrl(database.url());
        String audit = scenario.schema() + "_audit";
        String elsewhere = scenario.schema() + "_elsewhere";
        List<Operation> model = List.of(
                CreateSequence.of(audit + ".event_numbers", s -> s.startWith(100).incrementBy(5)),
                agents(),
                tickets(false),
                CreateTable.of(audit + ".events", t -> t
                        .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                        .column("agent_id", ColumnType.BIGINT, c -> c.notNull())
                        .column("kind", ColumnType.varchar(20), c -> c.notNull())),
                CreateTable.of(audit + ".event_details", t -> t
                        .column("event_id", ColumnType.BIGINT, c -> c.primaryKey())
                        .column("detail", ColumnType.TEXT)),
                CreateIndex.of("ix_events_kind", audit + ".events", List.of("kind"), ix -> { }),
                AddConstraint.foreignKey("fk_events_agent", audit + ".events", List.of("agent_id"), "agents", List.of("id"),
                        a -> { }),
                AddConstraint.foreignKey("fk_event_details_event", audit + ".event_details", List.of("event_id"),
                        audit + ".events", List.of("id"), a -> a.onDelete(ReferentialAction.CASCADE)),
                AddConstraint.foreignKey("fk_tickets_event", "tickets", List.of("id"), audit + ".events", List.of("id"),
                        a -> { }));
        try {
            scenario.execute("CREATE SCHEMA %2$s", elsewhere);
            scenario.execute("CREATE TABLE %2$s.%3$s (id INT PRIMARY KEY)", elsewhere, "unmapped_elsewhere");

            AutogenerateResult result = scenario.autogenerate(model, AutogenerateOptions.defaults());
            assertEquals("+ schema " + audit, describe(result).get(0));
            assertEquals(new dev.migrate.ops.CreateSchema(audit), result.upgrade().get(0));
            assertEquals(new dev.migrate.ops.DropSchema(audit), result.downgrade().get(result.downgrade().size() - 1));
            assertEquals(Stream.of("+ sequence " + audit + ".event_numbers", "+ table " + audit + ".event_details",
                    "+ table " + audit + ".events", "+ table agents", "+ table tickets").sorted().toList(), describe(result).stream()
                    .filter(d -> d.startsWith("+ table") || d.startsWith("+ sequence")).sorted().toList(),
                    () -> String.join("\n", describe(result)));
            assertTrue(result.upgrade().stream().anyMatch(o -> o instanceof CreateTable c
                    && c.table().equals(dev.migrate.ops.QualifiedName.of(audit, "events"))), result.upgrade()::toString);
            scenario.revisions.add(scenario.revision("r1", "r0", result.upgrade(), result.downgrade()));
            scenario.migrator(scenario.revisions).upgrade("head");
            assertEquals(List.of(), describe(scenario.autogenerate(model, AutogenerateOptions.defaults())),
                    "changes left after applying the generated upgrade");
            SchemaSnapshot built = scenario.snapshot(audit);
            assertEquals(List.of("event_details", "events"), built.tableNames());
            assertTrue(built.table("events").orElseThrow().constraints().stream()
                    .anyMatch(c -> c.definition().contains("REFERENCES " + scenario.schema() + ".agents")),
                    built::toString);
            assertTrue(scenario.snapshot().table("tickets").orElseThrow().constraints().stream()
                    .anyMatch(c -> c.definition().contains("REFERENCES " + audit + ".events")), scenario.snapshot()::toString);

            scenario.execute("CREATE TABLE %2$s.%3$s (id INT PRIMARY KEY)", audit, "unmapped_audit");
            AutogenerateResult dropping = scenario.autogenerate(model, new AutogenerateOptions(List.of(), true));
            assertEquals(List.of("- table " + audit + ".unmapped_audit"), describe(dropping));
            scenario.execute("DROP TABLE %2$s.%3$s", audit, "unmapped_audit");

            scenario.migrator(scenario.revisions).downgrade("r0");
            scenario.revisions.remove(1);
            assertEquals(List.of(), scenario.snapshot().tableNames());
            assertFalse(scenario.schemaExists(audit), "the downgrade left schema " + audit);
            assertEquals(List.of("unmapped_elsewhere"), scenario.snapshot(elsewhere).tableNames());

            List<Operation> broken = new ArrayList<>(model);
            broken.add(CreateTable.of(audit + ".odd", t -> t.column("shape", ColumnType.sql("no_such_type_here"))));
            MigrateException e = assertThrows(MigrateException.class,
                    () -> scenario.autogenerate(broken, AutogenerateOptions.defaults()));
            assertTrue(e.getMessage().startsWith("The model's schema does not build on this database: "), e.getMessage());
            assertNoScratchSchemaLeft(database);
        } finally {
            scenario.execute("DROP SCHEMA IF EXISTS %2$s" + (dialect.name().equals("mariadb") ? "" : " CASCADE"), audit);
            scenario.execute("DROP SCHEMA IF EXISTS %2$s" + (dialect.name().equals("mariadb") ? "" : " CASCADE"), elsewhere);
        }
    }

    /**
     * A model the database cannot build (a type it does not know) fails with the statement that
     * does not build, the scratch schema's name masked, and leaves no scratch schema behind; on
     * PostgreSQL the model's statements go as one batch first, so this is also the batch's way back.
     */
    @Test
    void aModelThatDoesNotBuildNamesItsStatementAndLeavesNothing(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of(agents()));
        List<Operation> model = List.of(agents(), tickets(false), CreateTable.of("odd", t -> t
                .column("id", ColumnType.BIGINT, c -> c.primaryKey())
                .column("shape", ColumnType.sql("no_such_type_here"))));
        MigrateException e = assertThrows(MigrateException.class,
                () -> scenario.autogenerate(model, AutogenerateOptions.defaults()));
        assertTrue(e.getMessage().startsWith("The model's schema does not build on this database: "), e.getMessage());
        assertTrue(e.getMessage().contains("(statement: CREATE TABLE "), e.getMessage());
        assertTrue(e.getMessage().contains("<scratch>") && e.getMessage().contains("odd"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_type_here"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line, as the build prints it: " + e.getMessage());
        assertTrue(e.getMessage().contains("(statement: CREATE TABLE <scratch>.odd ( id BIGINT")
                || e.getMessage().contains("(statement: CREATE TABLE \"<scratch>\".\"odd\" ( \"id\"")
                || e.getMessage().contains("(statement: CREATE TABLE `<scratch>`.`odd` ( `id`"), e.getMessage());
        assertFalse(e.getMessage().contains("SQL statement"), "the statement once: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("Check the entity mapping of this table and column (its type or columnDefinition)."),
                e.getMessage());
        assertNoScratchSchemaLeft(database);
    }

    /**
     * The model is read on the caller's thread (Hibernate sets that thread's context class loader)
     * while the database is read beside it on the same connection; a model reader that fails ends
     * the comparison with its own message and leaves the connection free for the next one.
     */
    @Test
    void theModelIsReadOnTheCallersThreadAndItsFailureLeavesTheConnectionFree(TestDatabase database) throws SQLException {
        Scenario scenario = new Scenario(database, List.of(agents()));
        Thread caller = Thread.currentThread();
        List<Thread> readers = new ArrayList<>();
        try (Connection connection = database.connect()) {
            Autogenerator autogenerator = new Autogenerator(dev.migrate.dialect.Dialects.forUrl(database.url()),
                    SchemaIntrospector.forConnection(connection), scenario.schema(), List.of("migrate_version",
                    "migrate_history", "migrate_lock", "migrate_progress"));
            MigrateException failed = assertThrows(MigrateException.class, () -> autogenerator.compare(connection, () -> {
                readers.add(Thread.currentThread());
                throw new MigrateException("no entities to read");
            }, AutogenerateOptions.defaults()));
            assertEquals("no entities to read", failed.getMessage());
            AutogenerateResult same = autogenerator.compare(connection, () -> {
                readers.add(Thread.currentThread());
                return new ModelSchema("test model", List.of(agents()));
            }, AutogenerateOptions.defaults());
            assertEquals(List.of(), describe(same));
        }
        assertEquals(List.of(caller, caller), readers);
    }

    /**
     * The model cache ({@link ModelSnapshotCache}) answers an unchanged model with the very snapshot
     * the database built, without building anything; a changed table is built again on its own (with
     * the table its foreign key points at), and the result is what a whole build gives; a damaged
     * file means a whole build.
     */
    @Test
    void theModelCacheBuildsOnlyWhatChangedAndGivesWhatAWholeBuildGives(TestDatabase database, @TempDir Path directory)
            throws Exception {
        dev.migrate.dialect.Dialect dialect = dev.migrate.dialect.Dialects.forUrl(database.url());
        SchemaIntrospector introspector = SchemaIntrospector.forUrl(database.url());
        ScratchSchema whole = ScratchSchema.forDialect(dialect, introspector);
        List<List<Operation>> builds = new ArrayList<>();
        ScratchSchema recording = (connection, operations) -> {
            builds.add(operations);
            return whole.materialise(connection, operations);
        };
        ScratchSchema never = (connection, operations) -> {
            throw new AssertionError("the model was built although the cache holds all of it: " + operations);
        };
        ModelSnapshotCache cache = new ModelSnapshotCache(directory.resolve("migrate"));
        List<Operation> model = everyKindOfObject();
        List<Operation> widerAgents = new ArrayList<>(model);
        widerAgents.set(1, CreateTable.of("agents", t -> t
                .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
                .column("email", ColumnType.varchar(200), c -> c.notNull())));
        List<Operation> newTicketColumn = new ArrayList<>(widerAgents);
        CreateTable tickets = (CreateTable) newTicketColumn.get(2);
        List<dev.migrate.ops.Column> columns = new ArrayList<>(tickets.columns());
        columns.add(CreateTable.of("x", t -> t.column("reopened", ColumnType.INTEGER)).columns().get(0));
        newTicketColumn.set(2, new CreateTable(tickets.table(), columns, tickets.constraints(), tickets.comment()));
        try (Connection connection = database.connect()) {
            SchemaSnapshot fresh = whole.materialise(connection, model);
            assertEquals(fresh, cache.around(recording, dialect).materialise(connection, model));
            assertEquals(List.of(model), builds, "the first run builds the whole model");
            assertEquals(fresh, cache.around(never, dialect).materialise(connection, model));
            assertEquals(List.of("AGENTS"), names(cache.around(never, dialect).materialise(connection, List.of(agents()))));

            builds.clear();
            assertEquals(whole.materialise(connection, widerAgents), cache.around(recording, dialect).materialise(connection,
                    widerAgents));
            assertEquals(1, builds.size());
            assertEquals(List.of("ticket_numbers", "agents"), objectNames(builds.get(0)), "only the changed table is built");

            builds.clear();
            assertEquals(whole.materialise(connection, newTicketColumn), cache.around(recording, dialect).materialise(
                    connection, newTicketColumn));
            assertEquals(List.of("ticket_numbers", "agents", "tickets", "tickets", "tickets"), objectNames(builds.get(0)),
                    "the changed table, its index and key, and the table its key points at");
            assertEquals(whole.materialise(connection, newTicketColumn), cache.around(never, dialect).materialise(
                    connection, newTicketColumn));
        }
        List<Path> files;
        try (java.util.stream.Stream<Path> listed = java.nio.file.Files.list(directory.resolve("migrate"))) {
            files = listed.toList();
        }
        assertEquals(1, files.size(), files::toString);
        java.nio.file.Files.write(files.get(0), new byte[] {0, 0, 0, 1, 0, 0, 0, 9, 1, 2, 3});
        try (Connection connection = database.connect()) { // another session, as the next run's
            builds.clear();
            assertEquals(whole.materialise(connection, model), cache.around(recording, dialect).materialise(connection, model));
            assertEquals(List.of(model), builds, "a damaged file: the whole model is built");
            assertEquals(whole.materialise(connection, model), cache.around(never, dialect).materialise(connection, model));
            ScratchSchema partsFail = (c, operations) -> {
                if (operations.size() < model.size()) {
                    throw new SQLException("a part alone does not build");
                }
                return whole.materialise(c, operations);
            };
            assertEquals(whole.materialise(connection, widerAgents), cache.around(partsFail, dialect).materialise(connection,
                    widerAgents), "a part that does not build alone: the whole model is built");
        }
        assertNoScratchSchemaLeft(database);
    }

    private static List<String> names(SchemaSnapshot snapshot) {
        return snapshot.tableNames().stream().map(name -> name.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** The object each operation creates or changes, in order. */
    private static List<String> objectNames(List<Operation> operations) {
        return operations.stream().map(operation -> operation instanceof CreateTable create ? create.table().name()
                : operation instanceof CreateIndex index ? index.table().name()
                : operation instanceof AddConstraint add ? add.table().name()
                : ((CreateSequence) operation).sequence().name()).toList();
    }

    /** Through the facade: a second comparison answered from the cache still finds a change made since. */
    @Test
    void aComparisonWithTheModelCacheFindsWhatOneWithoutFinds(TestDatabase database, @TempDir Path directory)
            throws SQLException {
        Scenario scenario = new Scenario(database, List.of(agents(), tickets(false)));
        AutogenerateOptions cached = AutogenerateOptions.defaults().withModelCache(directory);
        assertEquals(List.of(), describe(scenario.autogenerate(List.of(agents(), tickets(false)), cached)));
        assertEquals(List.of(), describe(scenario.autogenerate(List.of(agents(), tickets(false)), cached)));
        List<Operation> model = List.of(agents(), tickets(true), assigneeKey());
        assertEquals(describe(scenario.autogenerate(model, AutogenerateOptions.defaults())),
                describe(scenario.autogenerate(model, cached)));
        assertFalse(describe(scenario.autogenerate(model, cached)).isEmpty());
        assertNoScratchSchemaLeft(database);
    }

    // ---- helpers ----

    /**
     * On MariaDB a scratch schema is a database, visible server-wide, so another build's autogenerate
     * on the same server can show one for a moment; one of ours would stay. So a name seen must
     * still be there a few seconds later to count as left behind.
     */
    private void assertNoScratchSchemaLeft(TestDatabase database) throws SQLException {
        List<String> left = scratchSchemas(database);
        for (int wait = 0; wait < 50 && !left.isEmpty(); wait++) {
            sleep(100);
            List<String> now = scratchSchemas(database);
            left = left.stream().filter(now::contains).toList();
        }
        assertEquals(List.of(), left, "scratch schemas left behind");
    }

    private List<String> scratchSchemas(TestDatabase database) throws SQLException {
        return schemaNames(database).stream().filter(s -> s.toLowerCase().startsWith("migrate_autogen_")).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(List<Operation> operations, Class<?> kind) {
        for (int i = 0; i < operations.size(); i++) {
            if (kind.isInstance(operations.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @SafeVarargs
    private static void assertKinds(AutogenerateResult result, Class<? extends Change>... kinds) {
        List<String> expected = java.util.Arrays.stream(kinds).map(Class::getSimpleName).sorted().toList();
        List<String> actual = result.changes().stream().map(c -> c.getClass().getSimpleName()).sorted().toList();
        assertEquals(expected, actual, () -> String.join("\n", describe(result)));
    }

    static List<String> describe(AutogenerateResult result) {
        return result.changes().stream().map(Change::describe).toList();
    }

    /** A schema of its own at revision {@code base}. */
    final class Scenario {
        private final TestDatabase database;
        private final String schema;
        private final List<IndexedRevision> revisions = new ArrayList<>();

        String schema() {
            return schema;
        }

        Scenario(TestDatabase database, List<Operation> base) throws SQLException {
            this.database = database;
            this.schema = scenarioSchema(database);
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + dev.migrate.dialect.Dialects.forUrl(database.url()).quote(schema));
            }
            revisions.add(revision("r0", null, base, List.of()));
            migrator(revisions).upgrade("head");
        }

        IndexedRevision revision(String id, String parent, List<Operation> up, List<Operation> down) {
            return new IndexedRevision(new RevisionDescriptor(id, parent == null ? List.of() : List.of(parent), List.of(),
                    List.of(), "rev " + id, "test.Rev_" + id),
                    () -> new LambdaMigration(op -> OperationReplay.replay(up, op), op -> OperationReplay.replay(down, op)));
        }

        Migrator migrator(List<IndexedRevision> all) {
            return Migrator.builder().url(database.url()).user(database.user()).password(database.password())
                    .schema(schema).revisions(all).build();
        }

        AutogenerateResult autogenerate(List<Operation> model, AutogenerateOptions options) {
            return migrator(revisions).autogenerate(new ModelSchema("test model", model), options);
        }

        /** Autogenerates, applies, autogenerates again (no change), downgrades (the schema as before). */
        AutogenerateResult roundTrip(List<Operation> model, AutogenerateOptions options) throws SQLException {
            SchemaSnapshot before = snapshot();
            AutogenerateResult result = autogenerate(model, options);
            assertFalse(result.isEmpty(), "no change found");
            String previous = revisions.get(revisions.size() - 1).id();
            String id = "r" + revisions.size();
            revisions.add(revision(id, previous, result.upgrade(), result.downgrade()));
            migrator(revisions).upgrade("head");
            AutogenerateResult again = autogenerate(model, new AutogenerateOptions(List.of(), options.dropUnmapped()));
            assertEquals(List.of(), describe(again), "changes left after applying the generated upgrade");
            migrator(revisions).downgrade(previous);
            assertEquals(comparable(before), comparable(snapshot()), "the downgrade did not restore the schema");
            revisions.remove(revisions.size() - 1);
            assertNoScratchSchemaLeft(database);
            return result;
        }

        /** Applies {@code result} by upgrade as the next revision; returns the revision it revises. */
        String apply(AutogenerateResult result) {
            String previous = revisions.get(revisions.size() - 1).id();
            revisions.add(revision("r" + revisions.size(), previous, result.upgrade(), result.downgrade()));
            migrator(revisions).upgrade("head");
            return previous;
        }

        void downgrade(String target) {
            migrator(revisions).downgrade(target);
        }

        /** Runs {@code sql}, its {@code %s} replaced by the scenario's schema and then {@code names}, quoted. */
        void execute(String sql, String... names) throws SQLException {
            dev.migrate.dialect.Dialect dialect = dev.migrate.dialect.Dialects.forUrl(database.url());
            List<Object> quoted = new ArrayList<>(List.of(dialect.quote(schema)));
            for (String name : names) {
                quoted.add(dialect.quote(name));
            }
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute(String.format(sql, quoted.toArray()));
            }
        }

        SchemaSnapshot snapshot() throws SQLException {
            return snapshot(schema);
        }

        boolean schemaExists(String name) throws SQLException {
            try (Connection connection = database.connect()) {
                return SchemaIntrospector.forConnection(connection).schemaExists(connection, name);
            }
        }

        SchemaSnapshot snapshot(String name) throws SQLException {
            try (Connection connection = database.connect()) {
                return SchemaIntrospector.forConnection(connection).snapshot(connection, name)
                        .withoutTables(List.of("migrate_version", "migrate_history", "migrate_lock", "migrate_progress"));
            }
        }
    }

    /** Column order aside (a column a downgrade brings back comes last). */
    private static SchemaSnapshot comparable(SchemaSnapshot snapshot) {
        return new SchemaSnapshot(snapshot.tables().stream().map(t -> new TableSnapshot(t.name(),
                t.columns().stream().sorted(Comparator.comparing(ColumnSnapshot::name)).toList(), t.indexes(),
                t.constraints(), t.comment())).toList(), snapshot.sequences());
    }
}
