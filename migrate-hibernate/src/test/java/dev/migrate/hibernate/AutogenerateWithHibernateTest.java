package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Migrator;
import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.hibernate.fixtures.Agent;
import dev.migrate.hibernate.fixtures.Tag;
import dev.migrate.hibernate.fixtures.Ticket;
import dev.migrate.hibernate.fixtures.TicketComment;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.TableConstraint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Autogenerate with the real Hibernate reader: from an empty database the first revision creates
 * the entities' schema, and once applied the same entities show no change; the generated downgrade
 * empties the database again.
 */
class AutogenerateWithHibernateTest {

    private static final List<String> ENTITIES = List.of(Agent.class.getName(), Tag.class.getName(),
            Ticket.class.getName(), TicketComment.class.getName());

    @Test
    void onH2() throws SQLException {
        roundTrip("h2", h2("hib_ag_", ""));
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
        String name = "hib_ag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try {
            roundTrip("postgresql", server.replaceFirst("/([^/?]+)(\\?|$)", "/" + name + "$2"));
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** H2 as the project recommends it, folding unquoted names to lower case: the model's names follow. */
    @Test
    void onH2WithLowerCaseNames() throws SQLException {
        roundTrip("h2", h2("hib_ag_", ";DATABASE_TO_LOWER=TRUE"));
    }

    @Test
    void aDatabaseHibernateCreatedShowsNoChangeOnH2WithLowerCaseNames() {
        exportedThenNoChangeOnH2(";DATABASE_TO_LOWER=TRUE");
    }

    @Test
    void aDatabaseHibernateCreatedShowsNoChangeOnH2() {
        exportedThenNoChangeOnH2("");
    }

    private static void exportedThenNoChangeOnH2(String settings) {
        String url = h2("hib_export_", settings);
        SchemaEquivalenceTest.exportWithHibernate("h2", url);
        assertNoChange("h2", url);
    }

    /** A fresh in-memory H2 database named {@code prefix} + random, with {@code settings} appended. */
    private static String h2(String prefix, String settings) {
        return "jdbc:h2:mem:" + prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + ";DB_CLOSE_DELAY=-1"
                + settings;
    }

    @Test
    void aDatabaseHibernateCreatedShowsNoChangeOnPostgres() throws SQLException {
        String server = System.getenv("MIGRATE_TEST_POSTGRES_URL");
        if (server == null || server.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("MIGRATE_TEST_POSTGRES_URL is not set; CI needs PostgreSQL");
            }
            Assumptions.abort("MIGRATE_TEST_POSTGRES_URL is not set");
        }
        String name = "hib_export_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try {
            String url = server.replaceFirst("/([^/?]+)(\\?|$)", "/" + name + "$2");
            SchemaEquivalenceTest.exportWithHibernate("postgresql", url);
            assertNoChange("postgresql", url);
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /**
     * Hibernate's DDL never names a primary key (its internal names, "ticketPK" in 7.x, are not the
     * database's), so the model names it as PostgreSQL does: a generated revision reads naturally.
     */
    @Test
    void primaryKeysAreNamedAsTheDatabaseNamesThem() {
        ModelSchema model = new HibernateModelSource().read(new ModelRequest(AutogenerateWithHibernateTest.class.getClassLoader(),
                ENTITIES, "postgresql", "spring", null));
        List<CreateTable> tables = model.operations().stream().filter(CreateTable.class::isInstance)
                .map(CreateTable.class::cast).toList();
        assertFalse(tables.isEmpty());
        for (CreateTable table : tables) {
            assertEquals(List.of(table.table().name() + "_pkey"), table.constraints().stream()
                    .filter(TableConstraint.PrimaryKey.class::isInstance).map(TableConstraint::name).toList());
        }
    }

    /** The entities against the schema Hibernate's own export made for them: no false change. */
    private static void assertNoChange(String database, String url) {
        AutogenerateResult result = Migrator.builder().url(url).revisions(List.of()).build()
                .autogenerate(model(database), AutogenerateOptions.defaults());
        assertEquals(List.of(), result.changes().stream().map(Change::describe).toList());
    }

    /** The entities read as the plugin reads them: once the database says how it stores unquoted names. */
    private static Function<ConnectedDatabase, ModelSchema> model(String database) {
        ModelRequest request = new ModelRequest(AutogenerateWithHibernateTest.class.getClassLoader(), ENTITIES, database,
                "spring", null);
        return connected -> new HibernateModelSource().read(request.forDatabase(connected));
    }

    private static void roundTrip(String database, String url) throws SQLException {
        Function<ConnectedDatabase, ModelSchema> model = model(database);
        AutogenerateResult first = Migrator.builder().url(url).revisions(List.of()).build()
                .autogenerate(model, AutogenerateOptions.defaults());
        assertFalse(first.isEmpty());
        assertTrue(first.changes().stream().noneMatch(c -> c instanceof Change.ColumnAdded || c instanceof Change.TypeChanged),
                first.changes()::toString);

        IndexedRevision revision = new IndexedRevision(new RevisionDescriptor("a1", List.of(), List.of(), List.of(),
                "entities", "test.A1"), () -> GeneratedRevisions.replaying(first));
        Migrator migrator = Migrator.builder().url(url).revisions(List.of(revision)).build();
        migrator.upgrade("head");
        AutogenerateResult again = migrator.autogenerate(model, AutogenerateOptions.defaults());
        assertEquals(List.of(), again.changes().stream().map(Change::describe).toList(),
                "the entities differ from the schema autogenerate created for them");

        migrator.downgrade("base");
        try (Connection connection = DriverManager.getConnection(url)) {
            SchemaSnapshot left = Dialects.introspectorForUrl(url).snapshot(connection, null)
                    .withoutTables(List.of("migrate_version", "migrate_history", "migrate_lock", "migrate_progress"));
            assertTrue(left.isEmpty(), left::toString);
        }
    }
}
