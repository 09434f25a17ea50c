package dev.migrate.hibernate;

import static dev.migrate.hibernate.GeneratedRevisions.autogenerate;
import static dev.migrate.hibernate.GeneratedRevisions.migrator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.autogenerate.ApplicationSettings;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.Change;
import dev.migrate.autogenerate.ConnectedDatabase;
import dev.migrate.autogenerate.ModelRequest;
import dev.migrate.autogenerate.ModelSchema;
import dev.migrate.autogenerate.ModelSettings;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.hibernate.fixtures.settings.SupportTicket;
import dev.migrate.hibernate.fixtures.settings.TicketQueue;
import dev.migrate.index.IndexedRevision;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot application whose {@code application.yml} changes the DDL (its own naming strategy,
 * quoted identifiers, no Bean Validation DDL, UTC-normalised time stamps, UUIDs as {@code char},
 * legacy sequence names) and names run-time settings that would need a pool, a cache or another
 * database: autogenerate reads that file from the project's class path, its revision creates the
 * very schema Hibernate's own export creates when handed the settings as Spring Boot hands them,
 * and a second autogenerate finds no change. On H2, PostgreSQL and MariaDB; a plain JPA
 * project's {@code persistence.xml} the same on H2.
 */
class ApplicationSettingsRoundTripTest {

    static final List<String> ENTITIES = List.of(SupportTicket.class.getName(), TicketQueue.class.getName());

    static final String APPLICATION_YML = """
            spring:
              jpa:
                database-platform: org.hibernate.dialect.OracleDialect
                hibernate:
                  ddl-auto: validate
                  naming:
                    physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                properties:
                  hibernate:
                    globally_quoted_identifiers: true
                    validator:
                      apply_to_ddl: false
                    timezone:
                      default_storage: NORMALIZE_UTC
                    type:
                      preferred_uuid_jdbc_type: CHAR
                    id:
                      db_structure_naming_strategy: legacy
                    # run-time only, or migrate's: none of these may reach (or break) the read
                    dialect: org.hibernate.dialect.OracleDialect
                    hbm2ddl:
                      auto: validate
                    connection:
                      provider_class: com.example.NoSuchPool
                    cache:
                      use_second_level_cache: true
                      region:
                        factory_class: jcache
            """;

    /**
     * What Spring Boot hands Hibernate for {@link #APPLICATION_YML}, less the run-time ones (and its
     * default implicit naming strategy, which the export applies as {@code spring}).
     */
    static final Map<String, String> AS_SPRING_BOOT_HANDS_THEM = Map.of(
            "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
            "hibernate.globally_quoted_identifiers", "true",
            "hibernate.validator.apply_to_ddl", "false",
            "hibernate.timezone.default_storage", "NORMALIZE_UTC",
            "hibernate.type.preferred_uuid_jdbc_type", "CHAR",
            "hibernate.id.db_structure_naming_strategy", "legacy");

    static final String PERSISTENCE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
              <persistence-unit name="tickets">
                <properties>
                  <property name="jakarta.persistence.jdbc.url" value="jdbc:h2:mem:elsewhere"/>
                  <property name="hibernate.connection.pool_size" value="5"/>
                  <property name="hibernate.globally_quoted_identifiers" value="true"/>
                  <property name="hibernate.id.db_structure_naming_strategy" value="legacy"/>
                  <property name="hibernate.validator.apply_to_ddl" value="false"/>
                </properties>
              </persistence-unit>
            </persistence>
            """;

    @TempDir
    Path classes;

    @Test
    void springBootOnH2() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        roundTrip("h2", "spring", springBoot(), AS_SPRING_BOOT_HANDS_THEM,
                name -> "jdbc:h2:mem:hib_set_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void springBootOnPostgres() throws Exception {
        ModelSettings settings = springBoot();
        GeneratedRevisions.onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "hib_set",
                newDatabase -> roundTrip("postgresql", "spring", settings, AS_SPRING_BOOT_HANDS_THEM, newDatabase));
    }

    @Test
    void springBootOnMariaDb() throws Exception {
        ModelSettings settings = springBoot();
        GeneratedRevisions.onServer("mariadb", "MIGRATE_TEST_MARIADB_URL", "", "hib_set",
                newDatabase -> roundTrip("mariadb", "spring", settings, AS_SPRING_BOOT_HANDS_THEM, newDatabase));
    }

    @Test
    void persistenceXmlOnH2() throws Exception {
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/persistence.xml"), PERSISTENCE_XML);
        ModelSettings settings;
        try (URLClassLoader loader = loader()) {
            settings = ApplicationSettings.of(loader, List.of()); // no Spring Boot here: persistence.xml
        }
        assertEquals(List.of("hibernate.connection.pool_size", "hibernate.globally_quoted_identifiers",
                "hibernate.id.db_structure_naming_strategy", "hibernate.validator.apply_to_ddl"),
                List.copyOf(settings.values().keySet()));
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, String> export = new LinkedHashMap<>(settings.values());
        export.remove("hibernate.connection.pool_size");
        roundTrip("h2", "jpa", settings, export, name -> "jdbc:h2:mem:hib_setx_" + name + "_" + id + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * {@code hibernate.default_schema} among the application's settings: the revision creates the
     * schema and the tables in it, as Hibernate's export (with {@code create_namespaces}) does.
     */
    @Test
    void defaultSchemaOnPostgres() throws Exception {
        Files.writeString(classes.resolve("application.properties"),
                "spring.jpa.properties.hibernate.default_schema=app_tickets\n");
        ModelSettings settings;
        try (URLClassLoader loader = loader()) {
            settings = ApplicationSettings.springBoot(loader, List.of());
        }
        GeneratedRevisions.onServer("postgresql", "MIGRATE_TEST_POSTGRES_URL", " WITH (FORCE)", "hib_setds", newDatabase -> {
            String url = newDatabase.apply("migrate");
            List<IndexedRevision> revisions = new ArrayList<>();
            ModelRequest request = new ModelRequest(ApplicationSettingsRoundTripTest.class.getClassLoader(), ENTITIES,
                    "postgresql", "spring", null).withSettings(settings);
            Function<ConnectedDatabase, ModelSchema> model = connected -> GeneratedRevisions.remembered(request.forDatabase(connected));
            AutogenerateResult generated = autogenerate(url, revisions, model);
            assertEquals("+ schema app_tickets", generated.changes().get(0).describe());
            revisions.add(GeneratedRevisions.revision("d1", null, "tickets", generated));
            migrator(url, revisions).upgrade("head");
            assertEquals(List.of(), autogenerate(url, revisions, model).changes().stream().map(Change::describe).toList());

            String exportUrl = newDatabase.apply("export");
            GeneratedRevisions.startHibernate("postgresql", exportUrl, ENTITIES, "spring", Map.of(
                    "hibernate.default_schema", "app_tickets", "hibernate.hbm2ddl.create_namespaces", "true",
                    "hibernate.hbm2ddl.auto", "create-only", "hibernate.hbm2ddl.halt_on_error", "true"));
            SchemaSnapshot byHibernate = snapshot(exportUrl, "app_tickets");
            SchemaSnapshot byMigrate = snapshot(url, "app_tickets");
            assertFalse(byHibernate.isEmpty());
            assertEquals(byHibernate, byMigrate, () -> byHibernate.diff(byMigrate).toString());
        });
    }

    private static SchemaSnapshot snapshot(String url, String schema) throws SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url)) {
            return dev.migrate.dialect.Dialects.introspectorForUrl(url).snapshot(connection, schema);
        }
    }

    /** Without the settings, the model is another schema: the round trips above would fail. */
    @Test
    void theSettingsChangeTheModel() throws Exception {
        ModelSettings settings = springBoot();
        ModelRequest plain = new ModelRequest(getClass().getClassLoader(), ENTITIES, "postgresql", "spring", null);
        ModelSchema without = new HibernateModelSource().read(plain);
        ModelSchema with = new HibernateModelSource().read(plain.withSettings(settings));
        assertNotEquals(without.operations(), with.operations());
        assertTrue(with.operations().toString().contains("subjectLine"), with.operations()::toString);
        assertTrue(with.operations().toString().contains("hibernate_sequence"), with.operations()::toString);
    }

    private ModelSettings springBoot() throws IOException {
        Files.writeString(classes.resolve("application.yml"), APPLICATION_YML);
        try (URLClassLoader loader = loader()) {
            return ApplicationSettings.springBoot(loader, List.of());
        }
    }

    private URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    /** MariaDB's own statements for the schema's tables and sequences ({@code SHOW CREATE ...}). */
    static List<String> showCreate(String url, SchemaSnapshot snapshot) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
             java.sql.Statement statement = connection.createStatement()) {
            for (var table : snapshot.tables()) {
                try (java.sql.ResultSet row = statement.executeQuery("SHOW CREATE TABLE `" + table.name() + "`")) {
                    row.next();
                    statements.add(row.getString(2));
                }
            }
            for (var sequence : snapshot.sequences()) {
                try (java.sql.ResultSet row = statement.executeQuery("SHOW CREATE SEQUENCE `" + sequence.name() + "`")) {
                    row.next();
                    statements.add(row.getString(2));
                }
            }
        }
        return statements;
    }

    /**
     * From an empty database: autogenerate with {@code settings} and upgrade; the schema equals
     * Hibernate's own export with {@code export}; autogenerate then finds nothing, against either.
     */
    private static void roundTrip(String database, String naming, ModelSettings settings, Map<String, String> export,
                                  Function<String, String> newDatabase) throws SQLException {
        String url = newDatabase.apply("migrate");
        List<IndexedRevision> revisions = new ArrayList<>();
        ModelRequest request = new ModelRequest(ApplicationSettingsRoundTripTest.class.getClassLoader(), ENTITIES,
                database, naming, null).withSettings(settings);
        Function<ConnectedDatabase, ModelSchema> model = connected -> GeneratedRevisions.remembered(request.forDatabase(connected));

        AutogenerateResult generated = autogenerate(url, revisions, model);
        revisions.add(GeneratedRevisions.revision("s1", null, "tickets", generated));
        migrator(url, revisions).upgrade("head");

        String exportUrl = newDatabase.apply("export");
        Map<String, String> exportSettings = new LinkedHashMap<>(export);
        exportSettings.put("hibernate.hbm2ddl.auto", "create-only");
        exportSettings.put("hibernate.hbm2ddl.halt_on_error", "true");
        GeneratedRevisions.startHibernate(database, exportUrl, ENTITIES, naming, exportSettings);
        SchemaSnapshot byHibernate = GeneratedRevisions.comparable(database, GeneratedRevisions.snapshot(exportUrl));
        SchemaSnapshot byMigrate = GeneratedRevisions.comparable(database, GeneratedRevisions.snapshot(url));
        assertFalse(byHibernate.isEmpty());
        assertEquals(byHibernate, byMigrate, () -> byHibernate.diff(byMigrate).toString());

        if (database.equals("mariadb")) {
            // What the snapshots leave out: a sequence's cache, and whether a check is its column's.
            assertEquals(showCreate(exportUrl, byHibernate), showCreate(url, byMigrate));
        }

        assertEquals(List.of(), autogenerate(url, revisions, model).changes().stream().map(Change::describe).toList(),
                "autogenerate finds changes right after applying its own revision");
        assertEquals(List.of(), autogenerate(exportUrl, List.of(), model).changes().stream().map(Change::describe).toList(),
                "autogenerate finds changes against the schema Hibernate's export created");
    }
}
