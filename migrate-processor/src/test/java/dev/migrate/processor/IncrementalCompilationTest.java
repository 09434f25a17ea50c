package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.CrossJarTest.descriptor;
import static dev.migrate.processor.CrossJarTest.onlyProblem;
import static dev.migrate.processor.Sources.revision;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.migrate.Migration;
import dev.migrate.annotation.Revision;
import dev.migrate.index.IndexedRevision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE or {@code javac -d out -cp out} recompiles only the changed classes into an output
 * directory that holds the previous build: the index must keep the revisions compiled before,
 * drop the deleted ones, and never report a false "unknown revision".
 */
class IncrementalCompilationTest {

    @TempDir
    Path out;

    @BeforeEach
    void firstBuild() {
        Compilation first = Sources.javac().compile(
                revision("A", "@Revision(id = \"a1\")"),
                revision("B", "@Revision(id = \"b1\", revises = \"a1\")"),
                revision("C", "@Revision(id = \"c1\", revises = \"b1\", message = \"old\")"));
        Sources.writeClassOutput(first, out);
    }

    private Compilation recompile(JavaFileObject... changed) {
        return Compiler.compiler(new OutputDirectoryCompiler(out))
                .withProcessors(new RevisionProcessor())
                .withClasspath(List.of(out.toFile(), Sources.location(Migration.class), Sources.location(Revision.class)))
                .compile(changed);
    }

    private static String index(Compilation compilation) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, IndexWriter.SERVICE_FILE)
                .map(file -> {
                    try {
                        return file.getCharContent(true).toString().trim();
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .orElseThrow();
    }

    @Test
    void recompilingOneClassKeepsTheOthersInTheIndex() {
        Compilation second = recompile(revision("C", "@Revision(id = \"c1\", revises = \"b1\", message = \"new\")"));
        assertThat(second).succeededWithoutWarnings();
        assertThat(Sources.summaries(Sources.indexedRevisions(second, out.toFile()))).containsExactly(
                "a1<-||||test.A|", "b1<-a1||||test.B|", "c1<-b1|||new|test.C|").inOrder();
    }

    @Test
    void newRevisionOnTopOfThePreviousBuildIsNoFalseUnknown() {
        Compilation second = recompile(revision("D", "@Revision(id = \"d1\", revises = \"c1\")"));
        assertThat(second).succeededWithoutWarnings();
        String factory = Sources.classFileText(second, index(second) + "$" + IndexClasses.FACTORY);
        assertThat(factory).contains("test/D");
        assertThat(factory).contains("test/A");
        List<IndexedRevision> indexed = Sources.indexedRevisions(second, out.toFile());
        assertThat(indexed.stream().map(IndexedRevision::id).toList()).containsExactly("a1", "b1", "c1", "d1").inOrder();
        for (IndexedRevision revision : indexed) {
            assertThat(revision.factory().get().getClass().getName()).isEqualTo(revision.className());
        }
    }

    @Test
    void deletedRevisionIsDroppedFromTheIndex() throws IOException {
        // The IDE deletes C.class of the deleted C.java; the old index listing C stays behind.
        Files.delete(out.resolve("test/C.class"));
        Compilation second = recompile(revision("D", "@Revision(id = \"d1\", revises = \"b1\")"));
        assertThat(second).succeededWithoutWarnings();
        String factory = Sources.classFileText(second, index(second) + "$" + IndexClasses.FACTORY);
        assertThat(factory).doesNotContain("test/C");
        assertThat(factory).contains("test/B");
        assertThat(Sources.summaries(Sources.indexedRevisions(second, out.toFile()))).containsExactly(
                "a1<-||||test.A|", "b1<-a1||||test.B|", "d1<-b1||||test.D|").inOrder();
    }

    /** The markers of a class-file index are read as well by a build that switches to the source form. */
    @Test
    void sourceFormReadsTheMarkersOfAClassFileIndex() {
        Compilation second = Compiler.compiler(new OutputDirectoryCompiler(out))
                .withProcessors(new RevisionProcessor())
                .withOptions("-A" + ProcessorOptions.INDEX + "=source")
                .withClasspath(List.of(out.toFile(), Sources.location(Migration.class), Sources.location(Revision.class)))
                .compile(revision("D", "@Revision(id = \"d1\", revises = \"c1\")"));
        assertThat(second).succeededWithoutWarnings();
        assertThat(second).generatedSourceFile(index(second)).contentsAsUtf8String().contains("new test.A()");
        assertThat(Sources.summaries(Sources.indexedRevisions(second, out.toFile()))).containsExactly(
                "a1<-||||test.A|", "b1<-a1||||test.B|", "c1<-b1|||old|test.C|", "d1<-c1||||test.D|").inOrder();
    }

    @Test
    void revisionWhoseParentWasDeletedIsReported() throws IOException {
        Files.delete(out.resolve("test/B.class"));
        JavaFileObject c = revision("C", "@Revision(id = \"c1\",", "    revises = \"b1\")");
        Compilation second = recompile(c);
        assertThat(second).hadErrorContaining(onlyProblem(
                descriptor("a1", List.of(), List.of(), "test.A"),
                descriptor("c1", List.of("b1"), List.of(), "test.C")))
                .inFile(c).onLineContaining("revises = \"b1\"");
    }
}
