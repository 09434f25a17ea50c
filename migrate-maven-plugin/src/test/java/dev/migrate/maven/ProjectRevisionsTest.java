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
}
