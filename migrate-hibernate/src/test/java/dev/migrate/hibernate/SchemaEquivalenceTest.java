package dev.migrate.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.hibernate.fixtures.Agent;
import dev.migrate.hibernate.fixtures.Tag;
import dev.migrate.hibernate.fixtures.Ticket;
import dev.migrate.hibernate.fixtures.TicketComment;
import dev.migrate.ops.Operation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The heart of autogenerate's proof: for the same entities, the schema Hibernate's own schema
 * export creates (S1) and the schema migrate's operations from {@link HibernateModelSource} create
 * (S2) are the same, compared through migrate's own introspection: tables, column order, types,
 * nullability, defaults, indexes (with their names), sequences, and primary key, unique, check and
 * foreign key constraints by definition. Foreign key names are compared too (Hibernate chooses
 * them); primary key, unique and check names are not, because Hibernate writes those inline without
 * a name and the database picks one (H2 a new one each time; on PostgreSQL migrate gives the very
 * name PostgreSQL would pick).
 */
class SchemaEquivalenceTest {

    private static final List<String> ENTITIES = List.of(Agent.class.getName(), Tag.class.getName(),
            Ticket.class.getName(), TicketComment.class.getName());

    @Test
    void onH2() throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        assertSameSchema("h2", "jdbc:h2:mem:hib_s1_" + id + ";DB_CLOSE_DELAY=-1",
                "jdbc:h2:mem:hib_s2_" + id + ";DB_CLOSE_DELAY=-1");
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
        String s1 = "hib_s1_" + id;
        String s2 = "hib_s2_" + id;
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + s1);
            statement.execute("CREATE DATABASE " + s2);
        }
        try {
            assertSameSchema("postgresql", database(server, s1), database(server, s2));
        } finally {
            try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + s1 + " WITH (FORCE)");
                statement.execute("DROP DATABASE IF EXISTS " + s2 + " WITH (FORCE)");
            }
        }
    }

    @Test
    void theModelReadsWithoutAConnectionAndNamesAsSpringBootWould() {
        ModelSchema model = new HibernateModelSource().read(new ModelRequest(getClass().getClassLoader(), ENTITIES,
                "postgresql", "spring", null));
        assertTrue(model.source().startsWith("Hibernate ORM "), model.source());
        String tables = model.operations().stream().filter(o -> o instanceof dev.migrate.ops.CreateTable)
                .map(o -> ((dev.migrate.ops.CreateTable) o).table().name()).sorted().collect(Collectors.joining(","));
        assertEquals("agent,support_ticket,support_ticket_tags,tag,ticket_comment", tables);
        assertFalse(model.operations().isEmpty());
    }

    private static void assertSameSchema(String database, String hibernateUrl, String migrateUrl) throws SQLException {
        exportWithHibernate(database, hibernateUrl);
        ModelSchema model = new HibernateModelSource().read(new ModelRequest(SchemaEquivalenceTest.class.getClassLoader(),
                ENTITIES, database, "spring", null));
        Dialect dialect = Dialects.forUrl(migrateUrl);
        try (Connection connection = DriverManager.getConnection(migrateUrl)) {
            for (Operation operation : model.operations()) {
                for (SqlStatement statement : dialect.render(operation, null)) {
                    try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                        for (int i = 0; i < statement.parameters().size(); i++) {
                            prepared.setObject(i + 1, statement.parameters().get(i));
                        }
                        prepared.execute();
                    }
                }
            }
        }
        SchemaSnapshot byHibernate = structural(snapshot(hibernateUrl));
        SchemaSnapshot byMigrate = structural(snapshot(migrateUrl));
        assertEquals(5, byHibernate.tables().size(), byHibernate.tableNames().toString());
        assertEquals(byHibernate, byMigrate, () -> byHibernate.diff(byMigrate).toString());
    }

    static void exportWithHibernate(String database, String url) {
        exportWithHibernate(database, url, ENTITIES);
    }

    /** Hibernate's own schema export ({@code create-only}) of {@code entities}, named as Spring Boot names them. */
    static void exportWithHibernate(String database, String url, List<String> entities) {
        exportWithHibernate(database, url, entities, "spring");
    }

    /**
     * Hibernate's own schema export ({@code create-only}) of {@code entities}, named as {@code naming}
     * says: {@code spring} (Spring Boot's strategies) or {@code jpa} (Hibernate's defaults).
     */
    static void exportWithHibernate(String database, String url, List<String> entities, String naming) {
        // Hibernate's own schema creation, as an application with ddl-auto=create-only gets it.
        GeneratedRevisions.startHibernate(database, url, entities, naming,
                Map.of("hibernate.hbm2ddl.auto", "create-only", "hibernate.hbm2ddl.halt_on_error", "true"));
    }

    private static String database(String serverUrl, String name) {
        return serverUrl.replaceFirst("/([^/?]+)(\\?|$)", "/" + name + "$2");
    }

    private static SchemaSnapshot snapshot(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Dialects.introspectorForUrl(url).snapshot(connection, null);
        }
    }

    /** Names the database chose (primary key, unique, check) left out; foreign key and index names kept. */
    private static SchemaSnapshot structural(SchemaSnapshot snapshot) {
        return new SchemaSnapshot(snapshot.tables().stream().map(table -> new TableSnapshot(table.name(), table.columns(),
                table.indexes(), table.constraints().stream().map(c ->
                        c.kind() == ConstraintSnapshot.Kind.FOREIGN_KEY ? c : new ConstraintSnapshot(c.kind(), null, c.definition()))
                        .toList())).toList(), snapshot.sequences());
    }
}
