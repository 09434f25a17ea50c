package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A goal run before compile, or on a project without revisions, says what to run. */
class ProjectRevisionsTest {

    private static MigrateException missing(File classes) {
        try (ProjectRevisions revisions = ProjectRevisions.open(List.of(classes.getPath()), classes,
                ClassLoader.getPlatformClassLoader())) {
            return assertThrows(MigrateException.class, revisions::graph);
        }
    }

    @Test
    void beforeCompile(@TempDir Path dir) {
        File classes = dir.resolve("target/classes").toFile();
        assertEquals("No compiled classes in " + classes + ", so no revision index. Run `mvn compile` first, e.g."
                + " `mvn compile migrate:upgrade`.", missing(classes).getMessage());
    }

    @Test
    void compiledWithoutRevisionsOrWithoutTheProcessor(@TempDir Path dir) throws Exception {
        File classes = Files.createDirectories(dir.resolve("target/classes")).toFile();
        assertEquals("No revision index in " + classes + " (META-INF/services/dev.migrate.index.RevisionIndex is"
                + " missing) nor on the project's class path. Run `mvn compile` first, with dev.migrate:migrate-processor"
                + " in the maven-compiler-plugin's <annotationProcessorPaths>, and annotate revisions with @Revision.",
                missing(classes).getMessage());
    }

    /** Of several databases, one without revisions yet: its own message, not "recompile". */
    @Test
    void aDatabaseWithoutRevisionsOfItsOwn(@TempDir Path dir) throws Exception {
        File classes = Files.createDirectories(dir.resolve("target/classes")).toFile();
        Path service = classes.toPath().resolve(ProjectRevisions.INDEX_SERVICE);
        Files.createDirectories(service.getParent());
        Files.writeString(service, MainOnlyIndex.class.getName() + "\n");
        try (ProjectRevisions revisions = ProjectRevisions.open(List.of(classes.getPath()), classes,
                ProjectRevisionsTest.class.getClassLoader())) {
            assertEquals(1, revisions.forDatabase("main", true).graph().revisions().size());
            MigrateException e = assertThrows(MigrateException.class, () -> revisions.forDatabase("analytics", false).graph());
            assertEquals("No revision belongs to database 'analytics' (none says database = \"analytics\"), so it has no"
                    + " history yet. Write its first with `mvn migrate:revision -Dmigrate.database=analytics"
                    + " -Dmigrate.message=\"...\"`, or choose another database with -Dmigrate.database=NAME.", e.getMessage());
        }
        assertEquals("No revisions yet for database 'analytics': no @Revision class belongs to it (database ="
                + " \"analytics\"), so migrate:upgrade has nothing to do there and leaves it as it is. Write its first with"
                + " `mvn migrate:revision -Dmigrate.database=analytics -Dmigrate.message=\"...\"`.",
                AbstractMigrateMojo.noRevisionsYet("upgrade", "analytics"));
    }

    /** The index of a project whose one revision belongs to the default database. */
    public static final class MainOnlyIndex implements dev.migrate.index.RevisionIndex {
        @Override
        public List<dev.migrate.index.IndexedRevision> revisions() {
            return List.of(new dev.migrate.index.IndexedRevision(new dev.migrate.graph.RevisionDescriptor("m1", List.of(),
                    List.of(), List.of(), "", "app.M1"), () -> null));
        }
    }
}
