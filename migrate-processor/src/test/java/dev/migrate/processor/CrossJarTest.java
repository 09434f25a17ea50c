package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.javacWithClasspath;
import static dev.migrate.processor.Sources.revisionIn;

import com.google.testing.compile.Compilation;
import dev.migrate.graph.GraphProblem;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision may revise one shipped in another jar: the processor checks against the revisions
 * of jars on the class path (found through their markers) but lists only its own in its index.
 */
class CrossJarTest {

    @TempDir
    Path library;

    private File compileLibrary() {
        Compilation compilation = Sources.javac().compile(
                revisionIn("lib", "LibBase", "@Revision(id = \"l1\", branchLabels = \"lib\")"),
                revisionIn("lib", "LibNext", "@Revision(id = \"l2\", revises = \"l1\")"));
        return Sources.writeClassOutput(compilation, library);
    }

    @Test
    void revisionMayReviseARevisionOfAJarOnTheClassPath() {
        File lib = compileLibrary();
        Compilation app = javacWithClasspath(lib).compile(
                revisionIn("app", "AppFirst", "@Revision(id = \"a1\", revises = \"l2\")"));
        assertThat(app).succeededWithoutWarnings();
        IndexName index = IndexNaming.indexName(List.of("app.AppFirst"));
        assertThat(Sources.summaries(Sources.indexedRevisions(app, lib))).containsExactly("a1<-l2||||app.AppFirst|");
        // Neither the index's constants nor its factory's constructors name the jar's revisions.
        String generated = Sources.classFileText(app, index.canonicalName())
                + Sources.classFileText(app, IndexClasses.factoryName(index));
        assertThat(generated).contains("app/AppFirst");
        assertThat(generated).doesNotContain("LibBase");
        assertThat(generated).doesNotContain("LibNext");
    }

    @Test
    void unknownRevisionIsStillReportedWithTheJarOnTheClassPath() {
        File lib = compileLibrary();
        JavaFileObject file = revisionIn("app", "AppFirst", "@Revision(id = \"a1\",", "    revises = \"l9\")");
        Compilation app = javacWithClasspath(lib).compile(file);
        assertThat(app).hadErrorContaining(onlyProblem(
                descriptor("l1", List.of(), List.of("lib"), "lib.LibBase"),
                descriptor("l2", List.of("l1"), List.of(), "lib.LibNext"),
                descriptor("a1", List.of("l9"), List.of(), "app.AppFirst")))
                .inFile(file).onLineContaining("revises = \"l9\"");
    }

    @Test
    void idTakenByARevisionInAJarIsADuplicate() {
        File lib = compileLibrary();
        JavaFileObject file = revisionIn("app", "AppFirst", "@Revision(id = \"l2\", revises = \"l1\")");
        Compilation app = javacWithClasspath(lib).compile(file);
        List<GraphProblem> problems = RevisionGraph.check(List.of(
                descriptor("l2", List.of("l1"), List.of(), "app.AppFirst"),
                descriptor("l1", List.of(), List.of("lib"), "lib.LibBase"),
                descriptor("l2", List.of("l1"), List.of(), "lib.LibNext")));
        assertThat(problems.get(0).message()).contains("'l2' is used by 2 revisions: app.AppFirst, lib.LibNext.");
        assertThat(app).hadErrorCount(1);
        assertThat(app).hadErrorContaining(problems.get(0).message())
                .inFile(file).onLineContaining("@Revision(id = \"l2\"");
    }

    static String onlyProblem(RevisionDescriptor... descriptors) {
        List<GraphProblem> problems = RevisionGraph.check(List.of(descriptors));
        if (problems.size() != 1) {
            throw new AssertionError("expected one problem, core found " + problems);
        }
        return problems.get(0).message();
    }

    static RevisionDescriptor descriptor(String id, List<String> revises, List<String> labels, String origin) {
        return new RevisionDescriptor(id, revises, List.of(), labels, "", origin);
    }
}
