package dev.migrate.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.migrate.Migration;
import dev.migrate.annotation.Revision;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndex;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Source files and compilations for the processor tests. */
final class Sources {

    private Sources() {
    }

    /**
     * A revision class {@code test.<name>} with the given annotation line, implementing
     * {@code Migration}; one line per element so {@code onLineContaining} finds each.
     */
    static JavaFileObject revision(String name, String... annotationLines) {
        return revisionIn("test", name, annotationLines);
    }

    /** Like {@link #revision} in package {@code pkg}. */
    static JavaFileObject revisionIn(String pkg, String name, String... annotationLines) {
        List<String> lines = new ArrayList<>(List.of(
                "package " + pkg + ";",
                "",
                "import dev.migrate.Migration;",
                "import dev.migrate.Operations;",
                "import dev.migrate.annotation.Revision;",
                ""));
        lines.addAll(List.of(annotationLines));
        lines.addAll(List.of(
                "public class " + name + " implements Migration {",
                "    @Override",
                "    public void upgrade(Operations op) {",
                "        op.execute(\"-- " + name + " up\");",
                "    }",
                "",
                "    @Override",
                "    public void downgrade(Operations op) {",
                "        op.execute(\"-- " + name + " down\");",
                "    }",
                "}"));
        return JavaFileObjects.forSourceLines(pkg + "." + name, lines);
    }

    /** A source file from its lines. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** javac with the processor and the test class path (core and annotations on it). */
    static Compiler javac() {
        return Compiler.javac().withProcessors(new RevisionProcessor());
    }

    /** javac with the processor writing the index as source ({@code -Amigrate.index=source}), as before class files. */
    static Compiler javacWithSourceIndex() {
        return javac().withOptions("-A" + ProcessorOptions.INDEX + "=source");
    }

    /**
     * The bytes of a class file the processor wrote, as ISO-8859-1 text: the class names and
     * string constants it refers to can be searched in it (ASCII names are stored as they are).
     */
    static String classFileText(Compilation compilation, String binaryName) {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, binaryName.replace('.', '/') + ".class")
                .orElseThrow(() -> new AssertionError("no class file " + binaryName + " was generated"));
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac with the processor and exactly core, annotations and {@code extra} on the class path. */
    static Compiler javacWithClasspath(File... extra) {
        List<File> classpath = new ArrayList<>(List.of(extra));
        classpath.add(location(Migration.class));
        classpath.add(location(Revision.class));
        return javac().withClasspath(classpath);
    }

    /** The jar or directory a class was loaded from. */
    static File location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes what a successful compilation put in CLASS_OUTPUT (classes and resources) into
     * {@code directory}, as javac's {@code -d} would, and returns the directory.
     */
    static File writeClassOutput(Compilation compilation, Path directory) {
        assertWithMessage("compilation status").that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            String marker = "/CLASS_OUTPUT/";
            int start = path.indexOf(marker);
            if (start < 0) {
                continue;
            }
            Path target = directory.resolve(path.substring(start + marker.length()));
            try (InputStream in = file.openInputStream()) {
                Files.createDirectories(target.getParent());
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (FileNotFoundException probedButNeverWritten) {
                // The processor asks CLASS_OUTPUT whether a marker is there; compile-testing keeps
                // an empty entry for each such question. Javac writes nothing for them either.
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory.toFile();
    }

    /**
     * The revisions of the index {@code compilation} generated, loaded as the run time loads them:
     * its class output is written to a temporary directory and the index class created there, with
     * {@code classpath} (an earlier build's classes) behind it. Only this index is read, not others
     * an earlier build left on that class path.
     */
    static List<IndexedRevision> indexedRevisions(Compilation compilation, File... classpath) {
        try {
            Class<?> indexClass = indexClass(compilation, classpath);
            return ((RevisionIndex) indexClass.getConstructor().newInstance()).revisions();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the generated index cannot be created", e);
        }
    }

    /**
     * The index class {@code compilation} generated, loaded (and so verified: the JVM verifies
     * every class a {@link URLClassLoader} defines) and initialized from a temporary directory
     * holding its class output, with {@code classpath} behind it.
     */
    static Class<?> indexClass(Compilation compilation, File... classpath) {
        try {
            Path directory = Files.createTempDirectory("migrate-index-test");
            writeClassOutput(compilation, directory);
            String indexName = Files.readString(directory.resolve(IndexWriter.SERVICE_FILE)).trim();
            URL[] urls = new URL[classpath.length + 1];
            urls[0] = directory.toUri().toURL();
            for (int i = 0; i < classpath.length; i++) {
                urls[i + 1] = classpath[i].toURI().toURL();
            }
            // Not closed: the migrations' classes stay loadable for the caller's factories.
            URLClassLoader loader = new URLClassLoader(urls, Sources.class.getClassLoader());
            return Class.forName(indexName, true, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the generated index cannot be loaded", e);
        }
    }

    /** Each indexed revision as {@code id<-revises|dependsOn|labels|message|class|database}, for compact asserts. */
    static List<String> summaries(List<IndexedRevision> revisions) {
        return revisions.stream().map(revision -> {
            RevisionDescriptor d = revision.descriptor();
            return d.id() + "<-" + String.join(",", d.revises()) + "|" + String.join(",", d.dependsOn()) + "|"
                    + String.join(",", d.branchLabels()) + "|" + d.message() + "|" + d.origin() + "|" + d.database();
        }).toList();
    }
}
