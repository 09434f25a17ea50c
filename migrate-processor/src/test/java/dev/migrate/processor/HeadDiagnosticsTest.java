package dev.migrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.javac;
import static dev.migrate.processor.Sources.revision;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Several heads, the {@code migrate.heads} option, and a bad option value. */
class HeadDiagnosticsTest {

    private static final String TWO_UNLABELLED = twoHeads("b1 in test.B, c1 in test.C");

    private static String twoHeads(String heads) {
        return "The revisions have 2 heads (" + heads + "), so the target 'head', the default of migrate:upgrade, is"
                + " ambiguous: add a merge revision that revises them (mvn migrate:merge), or upgrade with"
                + " -Dmigrate.target=heads (label@head for one labelled branch). Compile with -Amigrate.heads=multiple"
                + " if the branches are meant to stay, or -Amigrate.heads=single to make several heads an error.";
    }

    private final JavaFileObject a = revision("A", "@Revision(id = \"a1\")");
    private final JavaFileObject b = revision("B", "@Revision(id = \"b1\", revises = \"a1\")");
    private final JavaFileObject c = revision("C", "@Revision(id = \"c1\", revises = \"a1\")");

    @Test
    void twoHeadsWithoutLabelsAreAWarningOnEachHead() {
        Compilation compilation = javac().compile(a, b, c);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(2);
        assertThat(compilation).hadWarningContaining(TWO_UNLABELLED).inFile(b).onLineContaining("@Revision");
        assertThat(compilation).hadWarningContaining(TWO_UNLABELLED).inFile(c).onLineContaining("@Revision");
    }

    @Test
    void headsReachedThroughBranchLabelsCountToo() {
        // upgrade's default target 'head' fails on these, so compile must say so.
        JavaFileObject labelledB = revision("B", "@Revision(id = \"b1\", revises = \"a1\", branchLabels = \"billing\")");
        JavaFileObject labelledC = revision("C", "@Revision(id = \"c1\", revises = \"a1\", branchLabels = \"search\")");
        Compilation compilation = javac().compile(a, labelledB, labelledC);
        String expected = twoHeads("b1 in test.B (billing@head), c1 in test.C (search@head)");
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(2);
        assertThat(compilation).hadWarningContaining(expected).inFile(labelledB).onLineContaining("@Revision");
        assertThat(compilation).hadWarningContaining(expected).inFile(labelledC).onLineContaining("@Revision");
    }

    @Test
    void oneLabelledHeadAndOneUnlabelledAreTwoHeads() {
        JavaFileObject labelledB = revision("B", "@Revision(id = \"b1\", revises = \"a1\", branchLabels = \"billing\")");
        Compilation compilation = javac().compile(a, labelledB, c);
        String expected = twoHeads("b1 in test.B (billing@head), c1 in test.C");
        assertThat(compilation).hadWarningCount(2);
        assertThat(compilation).hadWarningContaining(expected).inFile(labelledB).onLineContaining("@Revision");
        assertThat(compilation).hadWarningContaining(expected).inFile(c).onLineContaining("@Revision");
    }

    @Test
    void multipleHeadsOptionSaysTheBranchesAreIntended() {
        JavaFileObject labelledB = revision("B", "@Revision(id = \"b1\", revises = \"a1\", branchLabels = \"billing\")");
        Compilation compilation = javac().withOptions("-Amigrate.heads=multiple").compile(a, labelledB, c);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void singleHeadOptionMakesSeveralHeadsAnError() {
        JavaFileObject labelledB = revision("B", "@Revision(id = \"b1\", revises = \"a1\", branchLabels = \"billing\")");
        Compilation compilation = javac().withOptions("-Amigrate.heads=single").compile(a, labelledB, c);
        String expected = "The revisions have 2 heads (b1 in test.B (billing@head), c1 in test.C) but -Amigrate.heads=single "
                + "requires one: add a merge revision that revises all of them (mvn migrate:merge).";
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(expected).inFile(labelledB).onLineContaining("@Revision");
        assertThat(compilation).hadErrorContaining(expected).inFile(c).onLineContaining("@Revision");
    }

    @Test
    void singleHeadOptionAcceptsOneHead() {
        Compilation compilation = javac().withOptions("-Amigrate.heads=single").compile(a, b);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void unknownOptionValueIsAnError() {
        Compilation compilation = javac().withOptions("-Amigrate.heads=one").compile(a);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("-Amigrate.heads=one is not understood: use "
                + "-Amigrate.heads=single (several heads are an error), -Amigrate.heads=multiple (several heads are"
                + " intended: no warning) or leave it out (several heads are a warning).");
    }
}
