package dev.migrate.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.migrate.processor.Sources.revisionIn;

import com.google.testing.compile.Compilation;
import dev.migrate.Migration;
import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndexLoader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processor generates loads at run time: {@link RevisionIndexLoader} finds the index
 * through {@link java.util.ServiceLoader}, and each factory creates its migration.
 */
class RuntimeLoadingTest {

    @TempDir
    Path temp;

    @Test
    void indexOfACompiledProjectLoadsAndCreatesEveryMigration() throws IOException {
        Compilation compilation = Sources.javac().compile(
                revisionIn("shop", "CreateOrder", "@Revision(id = \"o1\", message = \"create order\")"),
                revisionIn("shop", "AddTotal", "@Revision(id = \"o2\", revises = \"o1\", branchLabels = \"shop\")"));
        File classes = Sources.writeClassOutput(compilation, temp.resolve("classes"));

        try (URLClassLoader loader = loader(classes)) {
            List<IndexedRevision> revisions = RevisionIndexLoader.load(loader);
            assertThat(revisions.stream().map(IndexedRevision::id).toList()).containsExactly("o1", "o2").inOrder();
            IndexedRevision second = revisions.get(1);
            assertThat(second.className()).isEqualTo("shop.AddTotal");
            assertThat(second.descriptor().revises()).containsExactly("o1");
            assertThat(second.descriptor().branchLabels()).containsExactly("shop");
            assertThat(revisions.get(0).descriptor().message()).isEqualTo("create order");
            assertThat(revisions.get(0).descriptor().database()).isEmpty();
            for (IndexedRevision revision : revisions) {
                Migration migration = revision.factory().get();
                assertThat(migration.getClass().getName()).isEqualTo(revision.className());
                assertThat(migration.getClass().getClassLoader()).isSameInstanceAs(loader);
            }
        }
    }

    @Test
    void indexesOfTwoJarsCombineIntoOneList() throws IOException {
        Compilation library = Sources.javac().compile(
                revisionIn("lib", "LibBase", "@Revision(id = \"l1\", branchLabels = \"lib\")"));
        File libClasses = Sources.writeClassOutput(library, temp.resolve("lib"));
        Compilation app = Sources.javacWithClasspath(libClasses).compile(
                revisionIn("app", "AppFirst", "@Revision(id = \"a1\", dependsOn = \"l1\")"),
                revisionIn("app", "AppSecond", "@Revision(id = \"a2\", revises = \"a1\")"));
        File appClasses = Sources.writeClassOutput(app, temp.resolve("app"));
        File libJar = jar(libClasses, temp.resolve("lib.jar"));
        File appJar = jar(appClasses, temp.resolve("app.jar"));

        try (URLClassLoader loader = loader(libJar, appJar)) {
            List<IndexedRevision> revisions = RevisionIndexLoader.load(loader);
            assertThat(revisions.stream().map(IndexedRevision::className).toList())
                    .containsExactly("app.AppFirst", "app.AppSecond", "lib.LibBase").inOrder();
            for (IndexedRevision revision : revisions) {
                assertThat(revision.factory().get().getClass().getName()).isEqualTo(revision.className());
            }
        }
    }

    private static URLClassLoader loader(File... entries) throws IOException {
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = entries[i].toURI().toURL();
        }
        return new URLClassLoader(urls, RuntimeLoadingTest.class.getClassLoader());
    }

    private static File jar(File directory, Path jar) throws IOException {
        Path root = directory.toPath();
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(root)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar.toFile();
    }

    @Test
    void aRevisionsDatabaseReachesTheRunTime() throws IOException {
        Compilation compilation = Sources.javac().compile(
                revisionIn("shop", "CreateOrder", "@Revision(id = \"o1\")"),
                revisionIn("shop", "CreateFacts", "@Revision(id = \"f1\", database = \"analytics\")"));
        File classes = Sources.writeClassOutput(compilation, temp.resolve("classes-db"));
        try (URLClassLoader loader = loader(classes)) {
            assertThat(RevisionIndexLoader.load(loader).stream().map(r -> r.id() + "@" + r.descriptor().database()).toList())
                    .containsExactly("f1@analytics", "o1@");
        }
    }
}
