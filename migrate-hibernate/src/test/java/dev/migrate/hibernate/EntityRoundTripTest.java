package dev.migrate.hibernate;

import static dev.migrate.hibernate.GeneratedRevisions.migrator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.OperationReplay;
import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.index.IndexedRevision;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's round trip with real entities, twice. (1) From an empty database, autogenerate the
 * first revision and apply it by upgrade (the generated operations replayed through
 * {@link OperationReplay}, the very calls the plugin's generated source makes; compiling that
 * source is proven by the plugin's AutogenerateRoundTripTest). (2) The resulting schema equals the
 * one Hibernate's own schema export creates for the same entities in a fresh database, compared
 * through migrate's {@link SchemaSnapshot}: tables, columns, types, nullability, defaults,
 * indexes, sequences, and unique, check, primary and foreign keys by structure. (3) Autogenerate
 * again reports no change. (4) The revision's downgrade restores the schema before it. Then the
 * entities change ({@code fixtures.changed}: a new column, a new index, a wider column, a new
 * entity with a foreign key to an existing table) and (2)-(4) hold again, with the second revision
 * on top of the first. On PostgreSQL the second revision uses the online forms on the existing
 * tables (concurrent index, NOT VALID foreign key validated in its own transaction).
 */
class EntityRoundTripTest {

    private static final List<String> FIRST = List.of(
            dev.migrate.hibernate.fixtures.Agent.class.getName(), dev.migrate.hibernate.fixtures.Tag.class.getName(),
            dev.migrate.hibernate.fixtures.Ticket.class.getName(),
            dev.migrate.hibernate.fixtures.TicketComment.class.getName());

    private static final List<String> CHANGED = List.of(
            dev.migrate.hibernate.fixtures.changed.Agent.class.getName(),
            dev.migrate.hibernate.fixtures.changed.Tag.class.getName(),
            dev.migrate.hibernate.fixtures.changed.Ticket.class.getName(),
            dev.migrate.hibernate.fixtures.changed.TicketComment.class.getName(),
            dev.migrate.hibernate.fixtures.changed.Survey.class.getName());

    @Test
    void onH2() throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        roundTrips("h2", name -> "jdbc:h2:mem:hib_rt_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void onPostgres() throws SQLException {
        String server = System.getenv("MIGRATE_TEST_POSTGRES_URL");
        if (server == null || server.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("MIGRATE_TEST_POSTGRES_URL is not set; CI needs PostgreSQL");
            }
            Assumptions.abort("MIGRATE_TEST_POSTGRES_URL is not set");
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> created = new ArrayList<>();
        try {
            roundTrips("postgresql", name -> {
                String database = "hib_rt_" + name + "_" + id;
                try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + database);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                created.add(database);
                return server.replaceFirst("/([^/?]+)(\\?|$)", "/" + database + "$2");
            });
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                for (String database : created) {
                    statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        }
    }

    /** @param newDatabase a fresh, empty database's URL for a name */
    private static void roundTrips(String database, Function<String, String> newDatabase) throws SQLException {
        String url = newDatabase.apply("migrate");
        List<IndexedRevision> revisions = new ArrayList<>();

        // (1) empty database -> first revision -> upgrade
        ModelSchema first = model(database, FIRST);
        AutogenerateResult generated = autogenerate(url, revisions, first);
        assertTrue(generated.changes().stream().allMatch(c -> c instanceof Change.TableAdded
                || c instanceof Change.ForeignKeyAdded || c instanceof Change.IndexAdded || c instanceof Change.SequenceAdded
                || c instanceof Change.UniqueAdded || c instanceof Change.CheckAdded), generated.changes()::toString);
        revisions.add(GeneratedRevisions.revision("a1", null, "entities a1", generated));
        migrator(url, revisions).upgrade("head");
        SchemaSnapshot afterFirst = GeneratedRevisions.snapshot(url);
        assertStep(database, url, revisions, first, FIRST, newDatabase.apply("export1"));
        migrator(url, revisions).downgrade("base");
        SchemaSnapshot emptied = GeneratedRevisions.snapshot(url);
        assertTrue(emptied.isEmpty(), () -> "the first revision's downgrade left " + emptied);
        migrator(url, revisions).upgrade("head");

        // the entities change: a column, an index, a wider column, a new entity with a foreign key
        ModelSchema changed = model(database, CHANGED);
        AutogenerateResult second = autogenerate(url, revisions, changed);
        List<String> kinds = second.changes().stream().map(c -> c.getClass().getSimpleName()).sorted().toList();
        assertEquals(List.of("ColumnAdded", "ForeignKeyAdded", "IndexAdded", "TableAdded", "TypeChanged"), kinds,
                second.changes().stream().map(Change::describe).toList()::toString);
        revisions.add(GeneratedRevisions.revision("a2", "a1", "entities a2", second));
        migrator(url, revisions).upgrade("head");
        assertStep(database, url, revisions, changed, CHANGED, newDatabase.apply("export2"));
        migrator(url, revisions).downgrade("a1");
        assertEquals(comparable(afterFirst), comparable(GeneratedRevisions.snapshot(url)),
                "the second revision's downgrade did not restore"
                + " the first schema");
    }

    /** (2) the same schema as Hibernate's export of {@code entities}, (3) no change left. */
    private static void assertStep(String database, String url, List<IndexedRevision> revisions, ModelSchema model,
                                   List<String> entities, String exportUrl) throws SQLException {
        SchemaEquivalenceTest.exportWithHibernate(database, exportUrl, entities);
        SchemaSnapshot byHibernate = structural(GeneratedRevisions.snapshot(exportUrl));
        SchemaSnapshot byMigrate = structural(GeneratedRevisions.snapshot(url));
        assertFalse(byHibernate.isEmpty());
        assertEquals(byHibernate, byMigrate, () -> byHibernate.diff(byMigrate).toString());
        assertEquals(List.of(), autogenerate(url, revisions, model).changes().stream().map(Change::describe).toList(),
                "autogenerate finds changes right after applying its own revision");
    }

    private static ModelSchema model(String database, List<String> entities) {
        return GeneratedRevisions.remembered(new ModelRequest(EntityRoundTripTest.class.getClassLoader(), entities,
                database, "spring", null));
    }

    private static AutogenerateResult autogenerate(String url, List<IndexedRevision> revisions, ModelSchema model) {
        return migrator(url, revisions).autogenerate(model, AutogenerateOptions.defaults());
    }


    /**
     * By structure: the names the database chose (primary key, unique, check) left out, foreign key
     * and index names kept; columns by name, since a column a later revision adds comes last while
     * Hibernate's export puts it in its own order.
     */
    private static SchemaSnapshot structural(SchemaSnapshot snapshot) {
        return comparable(new SchemaSnapshot(snapshot.tables().stream().map(table -> new TableSnapshot(table.name(),
                table.columns(), table.indexes(), table.constraints().stream().map(c ->
                        c.kind() == ConstraintSnapshot.Kind.FOREIGN_KEY ? c : new ConstraintSnapshot(c.kind(), null, c.definition()))
                        .toList())).toList(), snapshot.sequences()));
    }

    private static SchemaSnapshot comparable(SchemaSnapshot snapshot) {
        return new SchemaSnapshot(snapshot.tables().stream().map(t -> new TableSnapshot(t.name(),
                t.columns().stream().sorted(Comparator.comparing(ColumnSnapshot::name)).toList(), t.indexes(),
                t.constraints())).toList(), snapshot.sequences());
    }
}
