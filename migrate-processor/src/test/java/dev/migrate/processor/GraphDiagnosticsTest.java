package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.javac;
import static dev.migrate.processor.Sources.revision;

import com.google.testing.compile.Compilation;
import dev.migrate.graph.GraphProblem;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every graph problem core finds is reported with core's text on the annotation value at fault.
 * The expected texts come from core's own check of the same revisions, so the compile error and
 * the run-time error stay identical; each test also pins the part of the text that matters.
 */
class GraphDiagnosticsTest {

    private static RevisionDescriptor rev(String id, List<String> revises, List<String> dependsOn,
            List<String> labels, String origin) {
        return new RevisionDescriptor(id, revises, dependsOn, labels, "", origin);
    }

    private static String message(int problem, RevisionDescriptor... revisions) {
        List<GraphProblem> problems = RevisionGraph.check(List.of(revisions));
        return problems.get(problem).message();
    }

    @Test
    void unknownIdInsideRevisesPointsAtThatArrayElement() {
        JavaFileObject a = revision("A", "@Revision(id = \"a1ce00000001\")");
        JavaFileObject m = revision("M", "@Revision(id = \"m1\", revises = {",
                "        \"a1ce00000001\",",
                "        \"a1ce00000002\"})");
        Compilation compilation = javac().compile(a, m);
        String expected = message(0,
                rev("a1ce00000001", List.of(), List.of(), List.of(), "test.A"),
                rev("m1", List.of("a1ce00000001", "a1ce00000002"), List.of(), List.of(), "test.M"));
        assertThat(expected).contains("revises 'a1ce00000002', which is not a known revision.");
        assertThat(expected).contains("a1ce00000001");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(expected).inFile(m).onLineContaining("\"a1ce00000002\"})");
    }

    @Test
    void unknownDependsOnPointsAtTheValue() {
        JavaFileObject a = revision("A", "@Revision(id = \"a1\")");
        JavaFileObject b = revision("B", "@Revision(id = \"b1\",", "    dependsOn = \"reporting\")");
        Compilation compilation = javac().compile(a, b);
        String expected = message(0,
                rev("a1", List.of(), List.of(), List.of(), "test.A"),
                rev("b1", List.of(), List.of("reporting"), List.of(), "test.B"));
        assertThat(expected).contains("depends on 'reporting', which is neither a known revision nor a branch label.");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(expected).inFile(b).onLineContaining("dependsOn = \"reporting\"");
    }

    @Test
    void duplicateIdIsReportedOnBothClasses() {
        JavaFileObject a = revision("A", "@Revision(id = \"same\")");
        JavaFileObject b = revision("B", "@Revision(", "    id = \"same\")");
        Compilation compilation = javac().compile(a, b);
        String expected = message(0,
                rev("same", List.of(), List.of(), List.of(), "test.A"),
                rev("same", List.of(), List.of(), List.of(), "test.B"));
        assertThat(expected).contains("Revision id 'same' is used by 2 revisions: test.A, test.B.");
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(expected).inFile(a).onLineContaining("@Revision(id = \"same\")");
        assertThat(compilation).hadErrorContaining(expected).inFile(b).onLineContaining("id = \"same\")");
    }

    @Test
    void duplicateBranchLabelIsReportedOnEachLabel() {
        JavaFileObject a = revision("A", "@Revision(id = \"a1\",", "    branchLabels = \"core\")");
        JavaFileObject b = revision("B", "@Revision(id = \"b1\", revises = \"a1\",",
                "    branchLabels = {\"extra\", \"core\"})");
        Compilation compilation = javac().compile(a, b);
        String expected = message(0,
                rev("a1", List.of(), List.of(), List.of("core"), "test.A"),
                rev("b1", List.of("a1"), List.of(), List.of("extra", "core"), "test.B"));
        assertThat(expected).contains("Branch label 'core' is declared by 2 revisions");
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(expected).inFile(a).onLineContaining("branchLabels = \"core\"");
        assertThat(compilation).hadErrorContaining(expected).inFile(b).onLineContaining("{\"extra\", \"core\"}");
    }

    @Test
    void cycleIsReportedOnEveryClassInIt() {
        JavaFileObject a = revision("A", "@Revision(id = \"a1\",", "    revises = \"c1\")");
        JavaFileObject b = revision("B", "@Revision(id = \"b1\",", "    revises = \"a1\")");
        JavaFileObject c = revision("C", "@Revision(id = \"c1\",", "    revises = \"b1\")");
        Compilation compilation = javac().compile(a, b, c);
        String expected = message(0,
                rev("a1", List.of("c1"), List.of(), List.of(), "test.A"),
                rev("b1", List.of("a1"), List.of(), List.of(), "test.B"),
                rev("c1", List.of("b1"), List.of(), List.of(), "test.C"));
        assertThat(expected).startsWith("Revisions form a cycle: ");
        assertThat(expected).contains("test.A");
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(expected).inFile(a).onLineContaining("revises = \"c1\"");
        assertThat(compilation).hadErrorContaining(expected).inFile(b).onLineContaining("revises = \"a1\"");
        assertThat(compilation).hadErrorContaining(expected).inFile(c).onLineContaining("revises = \"b1\"");
    }

    @Test
    void invalidIdPointsAtTheId() {
        JavaFileObject a = revision("A", "@Revision(", "    id = \"add-ticket\")");
        Compilation compilation = javac().compile(a);
        String expected = message(0, rev("add-ticket", List.of(), List.of(), List.of(), "test.A"));
        assertThat(expected).startsWith("Revision id 'add-ticket' (test.A) is not valid");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(expected).inFile(a).onLineContaining("id = \"add-ticket\"");
    }

    @Test
    void selfReferencePointsAtTheValue() {
        JavaFileObject a = revision("A", "@Revision(id = \"a1\",", "    revises = \"a1\")");
        Compilation compilation = javac().compile(a);
        String expected = message(0, rev("a1", List.of("a1"), List.of(), List.of(), "test.A"));
        assertThat(expected).contains("revises itself");
        assertThat(compilation).hadErrorContaining(expected).inFile(a).onLineContaining("revises = \"a1\"");
    }

    @Test
    void unknownRevisionAndClassShapeAreBothReported() {
        JavaFileObject a = Sources.source("test.A",
                "package test;",
                "import dev.migrate.annotation.Revision;",
                "@Revision(id = \"a1\",",
                "    revises = \"nope\")",
                "public class A {",
                "}");
        Compilation compilation = javac().compile(a);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("must implement dev.migrate.Migration")
                .inFile(a).onLineContaining("public class A");
        assertThat(compilation).hadErrorContaining("revises 'nope', which is not a known revision.")
                .inFile(a).onLineContaining("revises = \"nope\"");
    }

    @Test
    void aRevisesIntoAnotherDatabasePointsAtTheValueAndEachDatabaseHasItsOwnHead() {
        JavaFileObject main = revision("Main", "@Revision(id = \"m1\")");
        JavaFileObject analytics = revision("Facts", "@Revision(id = \"a1\", database = \"analytics\")");
        JavaFileObject wrong = revision("Wrong", "@Revision(id = \"a2\", database = \"analytics\",",
                "    revises = \"m1\")");
        Compilation compilation = javac().compile(main, analytics, wrong);
        String expected = message(0,
                rev("m1", List.of(), List.of(), List.of(), "test.Main"),
                new RevisionDescriptor("a1", List.of(), List.of(), List.of(), "", "test.Facts", "analytics"),
                new RevisionDescriptor("a2", List.of("m1"), List.of(), List.of(), "", "test.Wrong", "analytics"));
        assertThat(expected).contains("of database 'analytics' revises 'm1', which belongs to database (default).");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(expected).inFile(wrong).onLineContaining("revises = \"m1\")");

        // Two histories with one head each: no "several heads" warning.
        Compilation fine = javac().compile(main, analytics);
        assertThat(fine).succeededWithoutWarnings();
    }
}
