package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.AutogenerateOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What autogenerate says before it touches a database: the entity list, the database name, the naming strategy, its one-line errors. */
class ModelComparisonTest {

    @TempDir
    Path dir;

    private MigrateContext context(Path classes) throws Exception {
        MavenProject project = new MavenProject();
        project.getBuild().setOutputDirectory(classes.toString());
        project.getBuild().setDirectory(dir.toString());
        ConnectionSettings settings = new ConnectionSettings("jdbc:h2:mem:none", null, null, null, "migrate_version",
                null, null, false);
        ProjectRevisions revisions = ProjectRevisions.open(List.of(classes.toString()), classes.toFile(),
                getClass().getClassLoader());
        return new MigrateContext(settings, revisions, project, new SystemStreamLog());
    }

    @Test
    void readsTheEntityListTheProcessorWrote() throws Exception {
        Path list = dir.resolve("classes/META-INF/migrate/entities.list");
        Files.createDirectories(list.getParent());
        Files.writeString(list, "com.acme.Ticket\n\n  com.acme.Agent  \n# a comment\ncom.acme.Ticket\n");
        assertEquals(List.of("com.acme.Ticket", "com.acme.Agent"), ModelComparison.entityClasses(dir.resolve("classes").toFile()));
        assertEquals(List.of(), ModelComparison.entityClasses(new File(dir.toFile(), "missing")));
    }

    /**
     * A module of revisions whose entities live in a module it depends on (compiled with
     * migrate-processor): that module's list is read; a module with entities of its own reads only its own.
     */
    @Test
    void aModuleWithoutEntitiesReadsTheListsOfItsDependencies() throws Exception {
        Path domain = dir.resolve("domain");
        Files.createDirectories(domain.resolve("META-INF/migrate"));
        Files.writeString(domain.resolve("META-INF/migrate/entities.list"), "com.acme.domain.Ticket\ncom.acme.domain.Agent\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {
                classes.toUri().toURL(), domain.toUri().toURL()}, null)) {
            assertEquals(List.of("com.acme.domain.Ticket", "com.acme.domain.Agent"),
                    ModelComparison.dependencyEntityClasses(loader, classes.toFile()));
            Files.createDirectories(classes.resolve("META-INF/migrate"));
            Files.writeString(classes.resolve("META-INF/migrate/entities.list"), "com.acme.Own\n");
            assertEquals(List.of("com.acme.domain.Ticket", "com.acme.domain.Agent"),
                    ModelComparison.dependencyEntityClasses(loader, classes.toFile()), "the project's own list is not a dependency's");
        }
    }

    @Test
    void noEntitiesIsOneLineSayingWhatAutogenerateReads() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        MigrateContext context = context(classes);
        MigrateException e = assertThrows(MigrateException.class,
                () -> ModelComparison.compare(context, null, AutogenerateOptions.defaults(), true));
        assertEquals("Autogenerate found no @Entity class: " + classes.resolve("META-INF/migrate/entities.list")
                + ", which migrate-processor writes at compile time, is missing or empty. Annotate the JPA entities"
                + " with @jakarta.persistence.Entity and compile with dev.migrate:migrate-processor in the compiler's"
                + " annotationProcessorPaths.", e.getMessage());
        assertEquals(List.of(), ModelComparison.driftFindings(context, null), "check without entities compares nothing");
    }

    @Test
    void noHibernateOnTheProjectIsOneLine() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(classes.resolve("META-INF/migrate"));
        Files.writeString(classes.resolve("META-INF/migrate/entities.list"), "com.acme.Ticket\n");
        MigrateContext context = context(classes);
        MigrateException e = assertThrows(MigrateException.class,
                () -> ModelComparison.compare(context, null, AutogenerateOptions.defaults(), true));
        assertTrue(e.getMessage().contains("Hibernate ORM, which is not on the project's class path"), e.getMessage());
        assertEquals(List.of(), ModelComparison.driftFindings(context, null), "check without a model reader compares nothing");
    }

    /** Compiled classes listing one entity, com.acme.Ticket, that {@link MarkedModelSource} reads. */
    private Path markedProject() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(classes.resolve("META-INF/migrate"));
        Files.writeString(classes.resolve("META-INF/migrate/entities.list"), "com.acme.Ticket\n");
        Files.createDirectories(classes.resolve(MarkedModelSource.MARKER).getParent());
        Files.writeString(classes.resolve(MarkedModelSource.MARKER), "");
        return classes;
    }

    @Test
    void checkReportsModelDriftWithTheDifferences() throws Exception {
        Path classes = markedProject();
        String url = "jdbc:h2:mem:drift_" + java.util.UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"tickets\" (\"id\" BIGINT PRIMARY KEY)");
        }
        MavenProject project = new MavenProject();
        project.getBuild().setOutputDirectory(classes.toString());
        project.getBuild().setDirectory(dir.resolve("target").toString()); // where the model cache goes, as Maven sets it
        MigrateContext context = new MigrateContext(new ConnectionSettings(url, null, null, null, "migrate_version", null,
                null, false), ProjectRevisions.open(List.of(classes.toString()), classes.toFile(), getClass().getClassLoader()),
                project, new SystemStreamLog());
        MarkedModelSource.model = List.of(dev.migrate.ops.CreateTable.of("tickets", t -> t
                .column("id", dev.migrate.ops.ColumnType.BIGINT, c -> c.primaryKey())
                .column("title", dev.migrate.ops.ColumnType.varchar(80))));
        try {
            List<JsonReports.Finding> findings = ModelComparison.driftFindings(context, null);
            assertEquals(1, findings.size(), findings::toString);
            assertEquals("MODEL_DRIFT", findings.get(0).kind());
            assertEquals(List.of("+ column tickets.title CHARACTER VARYING(80)"), findings.get(0).differences());
            assertTrue(findings.get(0).message().endsWith("Write the revision with mvn compile migrate:revision"
                    + " -Dmigrate.autogenerate -Dmigrate.message=\"...\"."), findings.get(0).message());
            MarkedModelSource.model = List.of(dev.migrate.ops.CreateTable.of("tickets", t -> t
                    .column("id", dev.migrate.ops.ColumnType.BIGINT, c -> c.primaryKey())));
            // The model changes only with the project's classes: the entity's class file changed, so it is read again.
            Files.createDirectories(classes.resolve("com/acme"));
            Files.writeString(classes.resolve("com/acme/Ticket.class"), "without title");
            assertEquals(List.of(), ModelComparison.driftFindings(context, null));
            assertTrue(Files.isDirectory(dir.resolve("target/migrate")), "the model cache is under the build directory");
        } finally {
            MarkedModelSource.model = List.of();
        }
    }

    /**
     * The model read cache: a project whose classes, resources, class path and settings did not
     * change is not read again (Hibernate not started); any change to them is. Its own revisions
     * and their index are no input: writing and compiling a revision keeps the remembered model.
     */
    @Test
    void anUnchangedProjectIsNotReadAgainAndAnyChangeIs() throws Exception {
        Path classes = markedProject();
        Files.createDirectories(classes.resolve("com/acme"));
        Files.writeString(classes.resolve("com/acme/Ticket.class"), "v1");
        Path jar = Files.writeString(dir.resolve("library.jar"), "a dependency");
        String url = "jdbc:h2:mem:reads_" + java.util.UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        MavenProject project = new MavenProject();
        project.getBuild().setOutputDirectory(classes.toString());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        MigrateContext context = new MigrateContext(new ConnectionSettings(url, null, null, null, "migrate_version", null,
                null, false), ProjectRevisions.open(List.of(classes.toString(), jar.toString()), classes.toFile(),
                getClass().getClassLoader()), project, new SystemStreamLog());
        MarkedModelSource.model = List.of(dev.migrate.ops.CreateTable.of("tickets", t -> t
                .column("id", dev.migrate.ops.ColumnType.BIGINT, c -> c.primaryKey())
                .column("title", dev.migrate.ops.ColumnType.varchar(80), c -> c.notNull().defaultValue("none"))));
        int before = MarkedModelSource.reads.get();
        try {
            List<String> first = differences(context);
            assertEquals(List.of("+ table tickets"), first);
            assertEquals(before + 1, MarkedModelSource.reads.get());
            assertEquals(first, differences(context), "the remembered model is the model read");
            assertEquals(before + 1, MarkedModelSource.reads.get(), "an unchanged project is not read again");

            // A revision and the index that lists it are no input of the model.
            Files.createDirectories(classes.resolve("META-INF/services"));
            Files.writeString(classes.resolve(ProjectRevisions.INDEX_SERVICE), "com.acme.db.RevisionIndex_db\n");
            Files.createDirectories(classes.resolve("com/acme/db"));
            Files.writeString(classes.resolve("com/acme/db/RevisionIndex_db.class"), "index");
            differences(context);
            assertEquals(before + 1, MarkedModelSource.reads.get(), "the revision index is no input of the model");

            Files.writeString(classes.resolve("com/acme/Ticket.class"), "v2");
            differences(context);
            assertEquals(before + 2, MarkedModelSource.reads.get(), "a changed class is read again");

            Files.writeString(classes.resolve("application.properties"), "spring.jpa.properties.hibernate.globally_quoted_identifiers=true\n");
            differences(context);
            assertEquals(before + 3, MarkedModelSource.reads.get(), "a new resource is read again");

            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
            differences(context);
            assertEquals(before + 4, MarkedModelSource.reads.get(), "a jar of another time is read again");

            differences(context);
            assertEquals(before + 4, MarkedModelSource.reads.get());
            try (var files = Files.list(dir.resolve("target/migrate"))) {
                List<Path> cache = files.filter(file -> file.getFileName().toString().startsWith("model-read-")).toList();
                assertEquals(1, cache.size(), cache::toString);
                Files.writeString(cache.get(0), "damaged");
            }
            assertEquals(first, differences(context), "a damaged cache file is read again, not an error");
            assertEquals(before + 5, MarkedModelSource.reads.get());
        } finally {
            MarkedModelSource.model = List.of();
        }
    }

    private static List<String> differences(MigrateContext context) {
        return ModelComparison.compare(context, null, AutogenerateOptions.defaults(), true).orElseThrow().changes().stream()
                .map(dev.migrate.autogenerate.Change::describe).toList();
    }

    @Test
    void theDatabaseComesFromTheUrl() {
        assertEquals("postgresql", ModelComparison.database("jdbc:postgresql://localhost/app"));
        assertEquals("h2", ModelComparison.database("jdbc:h2:./target/app"));
        assertEquals("mariadb", ModelComparison.database("jdbc:mariadb://localhost/app"));
        assertEquals("mysql", ModelComparison.database("jdbc:mysql://localhost/app"));
        MigrateException e = assertThrows(MigrateException.class, () -> ModelComparison.database("jdbc:sqlite:app.db"));
        assertEquals("Autogenerate supports PostgreSQL, H2, MariaDB and MySQL; migrate.url starts with jdbc:sqlite."
                + " Point migrate.url at one of those.", e.getMessage());
    }

    @Test
    void namingIsSpringWithSpringBootElseJpaUnlessSet() {
        ClassLoader plain = new java.net.URLClassLoader(new java.net.URL[0], null);
        assertEquals("jpa", ModelComparison.namingStrategy(null, plain));
        assertEquals("com.acme.Naming", ModelComparison.namingStrategy(" com.acme.Naming ", plain));
        assertEquals("jpa", ModelComparison.namingStrategy(" JPA ", plain), "the two words in any case");
        assertEquals("spring", ModelComparison.namingStrategy("Spring", plain));
    }

    /**
     * The application's naming strategy (here a persistence.xml's, for a project without Spring
     * Boot) wins over migrate's default, and an explicit migrate.namingStrategy over it.
     */
    @Test
    void theApplicationsNamingWinsUnlessMigrateNamingStrategyIsSet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path classes)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(classes.resolve("META-INF"));
        java.nio.file.Files.writeString(classes.resolve("META-INF/persistence.xml"), """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="app">
                    <properties>
                      <property name="hibernate.physical_naming_strategy" value="com.acme.Naming"/>
                      <property name="hibernate.globally_quoted_identifiers" value="true"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """);
        try (java.net.URLClassLoader project = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            assertEquals(java.util.Map.of("hibernate.physical_naming_strategy", "com.acme.Naming",
                    "hibernate.globally_quoted_identifiers", "true"),
                    ModelComparison.applicationSettings(null, null, project).values());
            assertEquals(java.util.Map.of("hibernate.globally_quoted_identifiers", "true"),
                    ModelComparison.applicationSettings("jpa", null, project).values());
        }
    }

    @Test
    void renamesAreParsedStrictly() {
        assertEquals(List.of(new AutogenerateOptions.Rename(null, "issues", "tickets"),
                new AutogenerateOptions.Rename("tickets", "state", "status")),
                AutogenerateOptions.parseRenames("issues:tickets, tickets.state:tickets.status"));
        MigrateException e = assertThrows(MigrateException.class, () -> AutogenerateOptions.parseRenames("a.b:c.d"));
        assertEquals("migrate.renames: 'a.b:c.d' moves a column to another table; a column rename keeps its table:"
                + " a.b:a.d.", e.getMessage());
        assertThrows(MigrateException.class, () -> AutogenerateOptions.parseRenames("tickets"));
        e = assertThrows(MigrateException.class, () -> AutogenerateOptions.parseRenames("users.email:tickets.email"));
        assertEquals("migrate.renames: 'users.email:tickets.email' moves a column to another table; a column rename"
                + " keeps its table, so this is a drop and an add: remove the pair.", e.getMessage());
        e = assertThrows(MigrateException.class, () -> AutogenerateOptions.parseRenames("users:Users"));
        assertEquals("migrate.renames: 'users:Users' renames users to itself; give the new name after the colon, or"
                + " remove the pair.", e.getMessage());
        e = assertThrows(MigrateException.class, () -> AutogenerateOptions.parseRenames(
                "users.email:users.mail, users.email:users.address"));
        assertEquals("migrate.renames: 'users.email:users.address' renames email again (an earlier pair already does);"
                + " keep one pair for it.", e.getMessage());
        e = assertThrows(MigrateException.class, () -> AutogenerateOptions.parseRenames("issues:tickets,cases:tickets"));
        assertEquals("migrate.renames: 'cases:tickets' gives the name tickets again (an earlier pair already does);"
                + " keep one pair for it.", e.getMessage());
        assertEquals(2, AutogenerateOptions.parseRenames("users.email:users.mail,tickets.email:tickets.mail").size(),
                "the same column name in two tables is two renames");
        assertEquals(List.of(), AutogenerateOptions.parseRenames(null));
        e = assertThrows(MigrateException.class, () -> AutogenerateOptions.parseRenames(" , ,"));
        assertEquals("migrate.renames is ' , ,', which lists no pair; write old_table:new_table or"
                + " table.old_column:table.new_column, comma-separated, or leave migrate.renames out.", e.getMessage());
    }
}
