package dev.migrate.hibernate;

import static dev.migrate.hibernate.GeneratedRevisions.migrator;
import static dev.migrate.hibernate.GeneratedRevisions.autogenerate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.hibernate.fixtures.placement.AuditEvent;
import dev.migrate.hibernate.fixtures.placement.Member;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Entities in two schemas: {@code Member} in the default one, {@code AuditEvent} with its sequence,
 * element collection and {@code Member}'s join table in {@code audit}, keys between them both ways.
 * Autogenerate writes the revision from nothing, creating {@code audit} first; applied, it leaves
 * no change, and both schemas equal what Hibernate's own export creates for the entities; its
 * downgrade empties the default schema and drops {@code audit}. On MariaDB, where a schema is a database and
 * Hibernate places tables by {@code catalog} (it writes no schema there), the same with
 * {@code catalog =}. On H2, PostgreSQL and MariaDB.
 */
class SchemaPlacementTest {

    private static final List<String> IN_SCHEMAS = List.of(Member.class.getName(), AuditEvent.class.getName());

    private static final List<String> IN_DATABASES = List.of(
            dev.migrate.hibernate.fixtures.placement.catalog.Member.class.getName(),
            dev.migrate.hibernate.fixtures.placement.catalog.AuditEvent.class.getName());

    /** The catalog the MariaDB fixtures name: one database of the server, so the steps below use it one at a time. */
    private static final String AUDIT_DATABASE = "migrate_placement_audit";

    @Test
    void onH2() throws SQLException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        placement("h2", name -> "jdbc:h2:mem:hib_pl_" + name + "_" + id + ";DB_CLOSE_DELAY=-1", "AUDIT",
                "CREATE SCHEMA audit", IN_SCHEMAS);
    }

    @Test
    void onPostgres() throws SQLException {
        onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "audit", "CREATE SCHEMA audit", IN_SCHEMAS);
    }

    @Test
    void onMariaDb() throws SQLException {
        String server = server("mariadb", "MIGRATE_TEST_MARIADB_URL");
        execute(server, "DROP DATABASE IF EXISTS " + AUDIT_DATABASE); // left by a run that was killed
        onServer("mariadb", "MIGRATE_TEST_MARIADB_URL", "", AUDIT_DATABASE, "CREATE DATABASE " + AUDIT_DATABASE, IN_DATABASES);
    }

    /** Hibernate writes no schema on MariaDB and MySQL (a schema is a database, named by the catalog); nor does migrate. */
    @Test
    void aSchemaOnMariaDbIsIgnoredAsHibernateIgnoresIt() {
        ModelSchema model = new HibernateModelSource().read(new ModelRequest(getClass().getClassLoader(), IN_SCHEMAS,
                "mariadb", "spring", null));
        assertEquals(List.of(), model.operations().stream().map(SchemaPlacementTest::placedIn).filter(Objects::nonNull)
                .toList());
        ModelSchema inDatabases = new HibernateModelSource().read(new ModelRequest(getClass().getClassLoader(), IN_DATABASES,
                "mariadb", "spring", null));
        assertEquals(List.of(AUDIT_DATABASE + ".event_numbers", AUDIT_DATABASE + ".audit_event",
                        AUDIT_DATABASE + ".event_tags", AUDIT_DATABASE + ".member_watch", "member"),
                inDatabases.operations().stream().map(SchemaPlacementTest::named).filter(Objects::nonNull).toList());
    }

    private static String placedIn(dev.migrate.ops.Operation operation) {
        return operation instanceof CreateTable create ? create.table().schema()
                : operation instanceof CreateSequence sequence ? sequence.sequence().schema() : null;
    }

    private static String named(dev.migrate.ops.Operation operation) {
        return operation instanceof CreateTable create ? create.table().toString()
                : operation instanceof CreateSequence sequence ? sequence.sequence().toString() : null;
    }

    private static String server(String database, String variable) {
        String server = System.getenv(variable);
        if (server == null || server.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(variable + " is not set; CI needs " + database);
            }
            Assumptions.abort(variable + " is not set");
        }
        return server;
    }

    /** The test in databases created on the server for this run and dropped after it. */
    private static void onServer(String database, String variable, String forceDrop, String audit, String createAudit,
                                 List<String> entities) throws SQLException {
        String server = server(database, variable);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> created = new ArrayList<>();
        try {
            placement(database, name -> {
                String databaseName = "hib_pl_" + name + "_" + id;
                try {
                    execute(server, "CREATE DATABASE " + databaseName);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                created.add(databaseName);
                return server.replaceFirst("/([^/?]+)(\\?|$)", "/" + databaseName + "$2");
            }, audit, createAudit, entities);
        } finally {
            List<String> drops = new ArrayList<>();
            if (database.equals("mariadb")) {
                drops.add("SET FOREIGN_KEY_CHECKS = 0"); // keys between the databases both ways
                drops.add("DROP DATABASE IF EXISTS " + AUDIT_DATABASE);
            }
            for (String databaseName : created) {
                drops.add("DROP DATABASE IF EXISTS " + databaseName + forceDrop);
            }
            execute(server, drops.toArray(String[]::new));
        }
    }

    /**
     * @param newDatabase a fresh, empty database's URL for a name
     * @param audit       the other schema's name as the database stores it
     */
    private static void placement(String database, Function<String, String> newDatabase, String audit, String createAudit,
                                  List<String> entities) throws SQLException {
        String url = newDatabase.apply("migrate");
        List<IndexedRevision> revisions = new ArrayList<>();
        ModelRequest request = new ModelRequest(SchemaPlacementTest.class.getClassLoader(), entities, database, "spring", null);
        Function<ConnectedDatabase, ModelSchema> model = connected -> new HibernateModelSource().read(request.forDatabase(connected));

        AutogenerateResult created = autogenerate(url, revisions, model);
        List<String> described = created.changes().stream().map(Change::describe).toList();
        assertEquals("+ schema " + audit, described.get(0));
        assertTrue(described.contains("+ table " + audit + ".audit_event".toUpperCase(java.util.Locale.ROOT))
                || described.contains("+ table " + audit + ".audit_event"), described::toString);
        revisions.add(GeneratedRevisions.revision("p1", null, "members and their audit", created));
        migrator(url, revisions).upgrade("head");
        assertEquals(List.of(), autogenerate(url, revisions, model).changes().stream().map(Change::describe).toList(),
                "autogenerate finds changes right after applying its own revision");
        SchemaSnapshot home = structural(GeneratedRevisions.snapshot(url), url);
        SchemaSnapshot other = structural(snapshot(url, audit), url);
        assertEquals(4, other.tables().size() + other.sequences().size(), other::toString);

        migrator(url, revisions).downgrade("base");
        assertEquals(List.of(), GeneratedRevisions.snapshot(url).tableNames());
        try (Connection connection = DriverManager.getConnection(url)) {
            assertFalse(Dialects.introspectorForUrl(url).schemaExists(connection, audit), "the downgrade left " + audit);
        }

        String exportUrl = newDatabase.apply("export");
        execute(exportUrl, createAudit);
        exportWithHibernate(database, exportUrl, entities);
        SchemaSnapshot exportedHome = structural(GeneratedRevisions.snapshot(exportUrl), exportUrl);
        SchemaSnapshot exportedOther = structural(snapshot(exportUrl, audit), exportUrl);
        assertEquals(exportedHome, home, () -> exportedHome.diff(home).toString());
        assertEquals(exportedOther, other, () -> exportedOther.diff(other).toString());
    }

    /**
     * Hibernate's own schema export ({@code create-only}; its {@code create_namespaces} would create
     * the default schema too, which exists), with the
     * default schema (MariaDB: database) named in full as a setting, as an application with keys
     * from another schema into the default one needs: else Hibernate writes the key's target
     * unqualified, and H2 and MariaDB look for it in the referencing table's schema.
     */
    private static void exportWithHibernate(String database, String url, List<String> entities) throws SQLException {
        String home;
        try (Connection connection = DriverManager.getConnection(url)) {
            home = Dialects.introspectorForUrl(url).currentSchema(connection);
        }
        GeneratedRevisions.startHibernate(database, url, entities, "spring", Map.of(
                database.equals("mariadb") ? "hibernate.default_catalog" : "hibernate.default_schema", home,
                "hibernate.hbm2ddl.auto", "create-only", "hibernate.hbm2ddl.halt_on_error", "true"));
    }

    private static SchemaSnapshot snapshot(String url, String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Dialects.introspectorForUrl(url).snapshot(connection, schema);
        }
    }

    /**
     * Names the database chose (primary key, unique, check) left out, and the default schema in a
     * foreign key's target written {@code <default>} (on MariaDB it is the database, another per run).
     */
    private static SchemaSnapshot structural(SchemaSnapshot snapshot, String url) throws SQLException {
        String home;
        try (Connection connection = DriverManager.getConnection(url)) {
            home = Dialects.introspectorForUrl(url).currentSchema(connection);
        }
        return new SchemaSnapshot(snapshot.tables().stream().map(table -> new TableSnapshot(table.name(), table.columns(),
                table.indexes(), table.constraints().stream().map(c -> c.kind() == ConstraintSnapshot.Kind.FOREIGN_KEY
                        ? new ConstraintSnapshot(c.kind(), c.name(), c.definition().replace("REFERENCES " + home + ".",
                        "REFERENCES <default>."))
                        : new ConstraintSnapshot(c.kind(), null, c.definition())).toList())).toList(),
                snapshot.sequences());
    }

    /** Runs the statements in order on one connection. */
    private static void execute(String url, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }


}
