package dev.migrate.benchmarks;

import dev.migrate.benchmarks.history.GeneratedRevision;
import dev.migrate.benchmarks.history.MigrateProjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated revision classes in process, with migrate's annotation processor found on the
 * test class path (as the generated project's pom would run it), and loads them with their index.
 */
final class RevisionCompiler {

    private RevisionCompiler() {
    }

    /** Writes and compiles {@code history} under {@code directory}; returns a loader over the classes. */
    static ClassLoader compile(List<GeneratedRevision> history, Path directory) throws IOException {
        Path sources = directory.resolve("src");
        Path classes = directory.resolve("classes");
        MigrateProjectWriter.writeSources(sources, history);
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
             Stream<Path> listing = Files.list(sources)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(listing.toList());
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "--release", "17"));
            if (!compiler.getTask(diagnostics, files, null, options, null, units).call()) {
                throw new IllegalStateException("generated revisions do not compile:\n" + diagnostics);
            }
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, RevisionCompiler.class.getClassLoader());
    }
}
