package dev.migrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.javac;
import static dev.migrate.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.migrate.annotation.Revision;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every class-shape error: its text and the line it points at. */
class RevisionClassChecksTest {

    private static final String IMPORTS = "import dev.migrate.Migration; import dev.migrate.Operations; "
            + "import dev.migrate.annotation.Revision;";
    private static final String BODY = "    public void upgrade(Operations op) {} public void downgrade(Operations op) {}";

    @Test
    void classThatDoesNotImplementMigration() {
        JavaFileObject file = source("test.NotAMigration",
                "package test;",
                IMPORTS,
                "@Revision(id = \"a1\")",
                "public class NotAMigration {",
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Revision class test.NotAMigration must implement "
                + "dev.migrate.Migration: declare it as 'class NotAMigration implements Migration' and implement "
                + "upgrade(Operations) and downgrade(Operations).")
                .inFile(file).onLineContaining("public class NotAMigration");
    }

    @Test
    void abstractClass() {
        JavaFileObject file = source("test.Base",
                "package test;",
                IMPORTS,
                "@Revision(id = \"a1\")",
                "public abstract class Base implements Migration {",
                BODY,
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Revision class test.Base is abstract, but the revision index "
                + "must create an instance of it: remove 'abstract' (move shared code to a base class without "
                + "@Revision).")
                .inFile(file).onLineContaining("public abstract class Base");
    }

    @Test
    void classThatIsNotPublic() {
        JavaFileObject file = source("test.Hidden",
                "package test;",
                IMPORTS,
                "@Revision(id = \"a1\")",
                "class Hidden implements Migration {",
                BODY,
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Revision class test.Hidden must be public so the generated "
                + "revision index can create it: declare it 'public class Hidden'.")
                .inFile(file).onLineContaining("class Hidden implements");
    }

    @Test
    void nestedInAClassThatIsNotPublic() {
        JavaFileObject file = source("test.Outer",
                "package test;",
                IMPORTS,
                "class Outer {",
                "    @Revision(id = \"a1\")",
                "    public static class Inner implements Migration {",
                BODY,
                "    }",
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Revision class test.Outer.Inner is nested in test.Outer, which "
                + "is not public, so the generated revision index cannot reach it: declare Outer public or move "
                + "Inner to its own file.")
                .inFile(file).onLineContaining("public static class Inner");
    }

    @Test
    void innerClassThatIsNotStatic() {
        JavaFileObject file = source("test.Outer",
                "package test;",
                IMPORTS,
                "public class Outer {",
                "    @Revision(id = \"a1\")",
                "    public class Inner implements Migration {",
                BODY,
                "    }",
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Revision class test.Outer.Inner is an inner class, which needs "
                + "an instance of Outer to be created: declare it 'static' or move it to its own file.")
                .inFile(file).onLineContaining("public class Inner");
    }

    @Test
    void constructorWithParametersOnly() {
        JavaFileObject file = source("test.NeedsArgs",
                "package test;",
                IMPORTS,
                "@Revision(id = \"a1\")",
                "public class NeedsArgs implements Migration {",
                "    public NeedsArgs(String table) {}",
                BODY,
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Revision class test.NeedsArgs needs a public constructor "
                + "without parameters: add 'public NeedsArgs() {}' (the revision index calls it).")
                .inFile(file).onLineContaining("public class NeedsArgs");
    }

    @Test
    void privateConstructorIsReportedOnTheConstructor() {
        JavaFileObject file = source("test.Private",
                "package test;",
                IMPORTS,
                "@Revision(id = \"a1\")",
                "public class Private implements Migration {",
                "    private Private() {}",
                BODY,
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Revision class test.Private needs a public constructor without "
                + "parameters: make its constructor without parameters public.")
                .inFile(file).onLineContaining("private Private()");
    }

    @Test
    void interfaceIsNotARevision() {
        JavaFileObject file = source("test.Shape",
                "package test;",
                IMPORTS,
                "@Revision(id = \"a1\")",
                "public interface Shape extends Migration {",
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("@Revision belongs on a class that implements "
                + "dev.migrate.Migration, but test.Shape is an interface: move @Revision to a class.")
                .inFile(file).onLineContaining("public interface Shape");
    }

    @Test
    void everyBrokenRuleIsReported() {
        JavaFileObject file = source("test.Wrong",
                "package test;",
                IMPORTS,
                "@Revision(id = \"a1\")",
                "abstract class Wrong {",
                "    Wrong(int x) {}",
                "}");
        Compilation compilation = javac().compile(file);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("must implement dev.migrate.Migration");
        assertThat(compilation).hadErrorContaining("is abstract");
        assertThat(compilation).hadErrorContaining("must be public");
        assertThat(compilation).hadErrorContaining("needs a public constructor without parameters");
    }

    @Test
    void migrationMissingFromTheClassPath() {
        JavaFileObject file = source("test.Lonely",
                "package test;",
                "import dev.migrate.annotation.Revision;",
                "@Revision(id = \"a1\")",
                "public class Lonely {",
                "}");
        Compilation compilation = javac().withClasspath(List.of(Sources.location(Revision.class)))
                .compile(file);
        assertThat(compilation).hadErrorContaining("dev.migrate.Migration is not on the compile class path: add "
                + "the dependency dev.migrate:migrate-core to the project that contains test.Lonely.")
                .inFile(file).onLineContaining("public class Lonely");
        // No index is generated, so javac adds no errors about the types it would use.
        assertThat(compilation).hadErrorCount(1);
    }
}
