package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionSourceWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesARevisionThatCompiles() throws Exception {
        NewRevision revision = new NewRevision("com.acme.db", "AddTicketPriority", "ae1027a6acf0", List.of("1975ea83b712"),
                List.of("reporting"), List.of(), "add ticket priority");
        Path file = RevisionSourceWriter.write(revision, dir);
        assertEquals(dir.resolve("com/acme/db/AddTicketPriority.java"), file);
        String source = Files.readString(file);
        assertTrue(source.contains("@Revision(\n        id = \"ae1027a6acf0\",\n        revises = \"1975ea83b712\",\n"
                + "        dependsOn = \"reporting\",\n        message = \"add ticket priority\"\n)"), source);
        assertTrue(source.contains("public final class AddTicketPriority implements Migration {"), source);
        // The hint shows a typed operation (what "typed operations" means), SQL only for data.
        assertTrue(source.contains("        // Describe the change with the typed operations, e.g.\n"
                + "        // op.addColumn(\"tickets\", \"priority\", dev.migrate.ops.ColumnType.INTEGER);\n"
                + "        // and data changes with SQL, e.g. op.execute(\"UPDATE tickets SET priority = 0\");\n"), source);
        assertTrue(source.contains("        // Revert exactly what upgrade() does, e.g.\n"
                + "        // op.dropColumn(\"tickets\", \"priority\");\n"), source);
        assertCompiles(file);
    }

    @Test
    void writesAMergeRevisionThatCompiles() throws Exception {
        NewRevision merge = new NewRevision("com.acme.db", "MergeReporting", "27c6a30d7c24",
                List.of("1975ea83b712", "3f5a6b7c8d9e"), List.of(), List.of(), "merge reporting");
        Path file = RevisionSourceWriter.write(merge, dir);
        String source = Files.readString(file);
        assertTrue(source.contains("revises = {\n                \"1975ea83b712\",\n                \"3f5a6b7c8d9e\"\n        },"), source);
        assertCompiles(file);
    }

    @Test
    void messagesThatLookLikeJavaStillCompile() throws Exception {
        // "*/" would end the Javadoc, "\\u" would be a unicode escape, "@" a tag, quotes end the string.
        String message = "fix */ comments in C:\\users\\data and \"quoted\" @deprecated\nsecond line";
        NewRevision revision = new NewRevision("com.acme.db", "FixComments", "ae1027a6acf0", List.of(), List.of(),
                List.of(), message);
        Path file = RevisionSourceWriter.write(revision, dir);
        assertCompiles(file);
        assertEquals("{@literal @}deprecated", RevisionSourceWriter.javadoc("@deprecated"));
    }

    @Test
    void neverOverwritesAFile() throws Exception {
        NewRevision revision = new NewRevision("com.acme.db", "CreateUsers", "ae1027a6acf0", List.of(), List.of(),
                List.of(), "create users");
        Path file = RevisionSourceWriter.write(revision, dir);
        MigrateException e = assertThrows(MigrateException.class, () -> RevisionSourceWriter.write(revision, dir));
        assertEquals(file + " already exists. Choose another -Dmigrate.message so the class gets another name.",
                e.getMessage());
    }

    private void assertCompiles(Path file) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = compiler.getTask(errors, null, null,
                List.of("-proc:none", "-d", dir.resolve("classes").toString(),
                        "-classpath", System.getProperty("java.class.path")),
                null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile()))
                .call() ? 0 : 1;
        assertEquals(0, status, errors.toString());
        assertTrue(new File(dir.toFile(), "classes").isDirectory());
    }
}
