package dev.migrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.javac;
import static dev.migrate.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @AllowUnsafe} at compile time: an unknown rule id is an error, a blank reason a warning, both on the value. */
class AllowUnsafeChecksTest {

    private static JavaFileObject revision(String... allowUnsafeLines) {
        String[] lines = new String[allowUnsafeLines.length + 6];
        lines[0] = "package test;";
        lines[1] = "import dev.migrate.Migration; import dev.migrate.Operations; import dev.migrate.annotation.Revision;"
                + " import dev.migrate.annotation.AllowUnsafe;";
        lines[2] = "@Revision(id = \"a1\")";
        System.arraycopy(allowUnsafeLines, 0, lines, 3, allowUnsafeLines.length);
        lines[allowUnsafeLines.length + 3] = "public class AddIndex implements Migration {";
        lines[allowUnsafeLines.length + 4] = "    public void upgrade(Operations op) {} public void downgrade(Operations op) {}";
        lines[allowUnsafeLines.length + 5] = "}";
        return source("test.AddIndex", lines);
    }

    @Test
    void unknownRuleIdIsAnErrorOnTheId() {
        JavaFileObject file = revision("@AllowUnsafe(", "    value = \"MG999\",", "    reason = \"tickets is empty\")");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("@AllowUnsafe names MG999, which is no lint rule; use an id from"
                + " docs/LINT.md, for example MG100").inFile(file).onLineContaining("value = \"MG999\"");
    }

    @Test
    void blankReasonIsAWarningOnTheReason() {
        JavaFileObject file = revision("@AllowUnsafe(", "    value = \"MG101\",", "    reason = \" \")");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("@AllowUnsafe(\"MG101\") gives no reason; say why it is safe here,"
                + " for example reason = \"the table is empty in every environment\" (the lint reports MG119 until it does)")
                .inFile(file).onLineContaining("reason = \" \"");
    }

    @Test
    void repeatedAnnotationsAreEachChecked() {
        JavaFileObject file = revision("@AllowUnsafe(value = \"MG100\", reason = \"tickets is empty in every environment\")",
                "@AllowUnsafe(", "    value = \"mg101\",", "    reason = \"x\")");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        // javac maps no value of a repeated annotation (read through its synthesized container) to source:
        // the message names the id and points at the class
        assertThat(compilation).hadErrorContaining("@AllowUnsafe names mg101, which is no lint rule")
                .inFile(file).onLineContaining("public class AddIndex");
    }

    @Test
    void aKnownRuleWithAReasonCompilesWithoutWarnings() {
        JavaFileObject file = revision("@AllowUnsafe(value = \"MG100\", reason = \"tickets is empty in every environment\")");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).succeededWithoutWarnings();
    }
}
