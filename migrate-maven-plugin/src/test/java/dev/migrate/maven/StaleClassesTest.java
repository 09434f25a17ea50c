package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goals refuse a revision index older than the revision sources, or missing beside them. */
class StaleClassesTest {

    @TempDir
    Path project;

    private File sources() {
        return project.resolve("src/main/java").toFile();
    }

    private File classes() {
        return project.resolve("target/classes").toFile();
    }

    private Path write(String relative, String text, long modified) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        file.toFile().setLastModified(modified);
        return file;
    }

    private static final String REVISION = "@Revision(id = \"a1\")\npublic final class A implements Migration {}\n";

    @Test
    void revisionSourceNewerThanTheIndexIsStale() throws IOException {
        long compiled = 1_700_000_000_000L;
        write("target/classes/" + ProjectRevisions.INDEX_SERVICE, "it.db.Index\n", compiled);
        write("src/main/java/it/db/A.java", REVISION, compiled - 60_000);
        StaleClasses.check(List.of(sources()), classes(), "upgrade"); // older: fine

        Path added = write("src/main/java/it/db/B.java", REVISION.replace("a1", "b2"), compiled + 60_000);
        MigrateException e = assertThrows(MigrateException.class,
                () -> StaleClasses.check(List.of(sources()), classes(), "upgrade"));
        assertEquals(added + " changed after the revision index was generated, so the compiled revisions are stale."
                + " Run `mvn compile` first, e.g. `mvn compile migrate:upgrade`.", e.getMessage());
    }

    @Test
    void newerSourceWithoutRevisionIsNotStale() throws IOException {
        long compiled = 1_700_000_000_000L;
        write("target/classes/" + ProjectRevisions.INDEX_SERVICE, "it.db.Index\n", compiled);
        write("src/main/java/it/db/Util.java", "final class Util {}\n", compiled + 60_000);
        StaleClasses.check(List.of(sources()), classes(), "upgrade");
    }

    @Test
    void revisionSourcesWithoutIndexSayCompileFirst() throws IOException {
        Path source = write("src/main/java/it/db/A.java", REVISION, 1_700_000_000_000L);
        MigrateException e = assertThrows(MigrateException.class,
                () -> StaleClasses.check(List.of(sources()), classes(), "revision"));
        assertEquals(source + " declares a @Revision, but " + classes() + " holds no revision index (not compiled"
                + " yet, or after `mvn clean`). Run `mvn compile` first, e.g. `mvn compile migrate:revision`, with"
                + " dev.migrate:migrate-processor in the maven-compiler-plugin's <annotationProcessorPaths>.",
                e.getMessage());
    }

    @Test
    void compiledRevisionsWithoutIndexSayTheProcessorIsMissing() throws IOException {
        Path source = write("src/main/java/it/db/A.java", REVISION, 1_700_000_000_000L);
        write("target/classes/it/db/A.class", "compiled", 1_700_000_060_000L);
        MigrateException e = assertThrows(MigrateException.class,
                () -> StaleClasses.check(List.of(sources()), classes(), "upgrade"));
        assertEquals(source + " declares a @Revision and is compiled, but " + classes() + " holds no revision index:"
                + " the compiler ran without migrate's annotation processor, which writes it. Add"
                + " dev.migrate:migrate-processor to the maven-compiler-plugin's <annotationProcessorPaths> (README:"
                + " Set up a project), then run `mvn compile migrate:upgrade`.", e.getMessage());
    }

    @Test
    void emptyProjectIsFine() {
        StaleClasses.check(List.of(sources()), classes(), "upgrade");
    }

    /** Autogenerate and check read the compiled entities: an entity edited or added without compile is refused. */
    @Test
    void anEntityChangedOrAddedWithoutCompileIsStale() throws IOException {
        long compiled = 1_700_000_000_000L;
        String entity = "package it.model;\nimport jakarta.persistence.*;\n@Entity public class Ticket { @Id Long id; }\n";
        write("target/classes/it/model/Ticket.class", "bytes", compiled);
        Path ticket = write("src/main/java/it/model/Ticket.java", entity, compiled - 60_000);
        write("src/main/java/it/model/package-info.java", "@org.hibernate.annotations.GenericGenerator package it.model;\n",
                compiled + 60_000);
        write("src/main/java/it/util/Text.java", "package it.util;\npublic class Text {}\n", compiled + 60_000);
        StaleClasses.checkModel(List.of(sources()), classes()); // compiled after its edit; others map nothing

        ticket.toFile().setLastModified(compiled + 60_000);
        MigrateException e = assertThrows(MigrateException.class, () -> StaleClasses.checkModel(List.of(sources()), classes()));
        assertEquals(ticket + " changed after it was compiled, so the entities would be compared as last compiled. Run"
                + " `mvn compile` first, e.g. `mvn compile migrate:check` or `mvn compile migrate:revision"
                + " -Dmigrate.autogenerate`.", e.getMessage());

        ticket.toFile().setLastModified(compiled - 60_000);
        Path agent = write("src/main/java/it/model/Agent.java", entity.replace("Ticket", "Agent")
                .replace("import jakarta.persistence.*;\n", "").replace("@Entity", "@javax.persistence.Entity"), compiled);
        e = assertThrows(MigrateException.class, () -> StaleClasses.checkModel(List.of(sources()), classes()));
        assertEquals(agent + " is not compiled, so the entities would be compared as last compiled. Run `mvn compile`"
                + " first, e.g. `mvn compile migrate:check` or `mvn compile migrate:revision -Dmigrate.autogenerate`.",
                e.getMessage());
    }
}
