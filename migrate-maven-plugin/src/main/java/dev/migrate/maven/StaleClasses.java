package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * Goals read the revision index in {@code target/classes}, not the sources: after an edit without
 * {@code compile} a new revision is invisible ("Nothing to upgrade"), and after {@code mvn clean}
 * {@code revision} would write a second base. This check catches both before a goal runs: a revision
 * source newer than the index, or revision sources and no index at all.
 */
final class StaleClasses {

    // The annotation as users write it, imported or qualified; a mention in a comment is a rare false alarm.
    private static final Pattern REVISION = Pattern.compile("@(?:dev\\.migrate\\.annotation\\.)?Revision\\s*\\(");

    // A source that maps something: JPA's or Hibernate's annotations, imported or qualified.
    private static final Pattern MODEL = Pattern.compile("\\b(?:jakarta|javax)\\.persistence\\b|\\borg\\.hibernate\\.annotations\\b");

    private StaleClasses() {
    }

    /** The project's source roots, without those generated under target/ (the index's own source among them). */
    static List<File> ownSourceRoots(MavenProject project) {
        File buildDirectory = new File(project.getBuild().getDirectory()).getAbsoluteFile();
        return project.getCompileSourceRoots().stream()
                .map(root -> new File(root).getAbsoluteFile())
                .filter(root -> !root.toPath().startsWith(buildDirectory.toPath()))
                .toList();
    }

    /** Throws "run mvn compile first" when the index in {@code outputDirectory} is older than a revision source. */
    static void check(List<File> sourceRoots, File outputDirectory, String goal) {
        File index = new File(outputDirectory, ProjectRevisions.INDEX_SERVICE);
        long indexTime = index.isFile() ? index.lastModified() : -1;
        Optional<Path> stale = sourceRoots.stream()
                .filter(File::isDirectory)
                .flatMap(root -> revisionSourcesNewerThan(root.toPath(), indexTime))
                .findFirst();
        if (stale.isEmpty()) {
            return;
        }
        if (indexTime < 0 && compiledClass(sourceRoots, stale.get(), outputDirectory).isFile()) {
            // Compiled, yet no index: javac ran without the processor (not set up, or set up as a plain
            // dependency on javac 23 and later, which runs only the processors of annotationProcessorPaths).
            throw new MigrateException(stale.get() + " declares a @Revision and is compiled, but " + outputDirectory
                    + " holds no revision index: the compiler ran without migrate's annotation processor, which"
                    + " writes it. Add dev.migrate:migrate-processor to the maven-compiler-plugin's"
                    + " <annotationProcessorPaths> (README: Set up a project), then run `mvn compile migrate:" + goal + "`.");
        }
        if (indexTime < 0) {
            throw new MigrateException(stale.get() + " declares a @Revision, but " + outputDirectory + " holds no"
                    + " revision index (not compiled yet, or after `mvn clean`). Run `mvn compile` first, e.g."
                    + " `mvn compile migrate:" + goal + "`, with dev.migrate:migrate-processor in the"
                    + " maven-compiler-plugin's <annotationProcessorPaths>.");
        }
        throw new MigrateException(stale.get() + " changed after the revision index was generated, so the compiled"
                + " revisions are stale. Run `mvn compile` first, e.g. `mvn compile migrate:" + goal + "`.");
    }

    /**
     * Throws "run mvn compile first" when a source that uses JPA or Hibernate annotations changed
     * after it was compiled (or was never compiled): autogenerate and {@code check} read the compiled
     * entities, so an entity edited without {@code compile} would be compared as it was, and {@code check}
     * would pass on a change it exists to catch.
     */
    static void checkModel(List<File> sourceRoots, File outputDirectory) {
        for (File root : sourceRoots) {
            if (!root.isDirectory()) {
                continue;
            }
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root.toPath())) {
                sources = files.filter(file -> file.toString().endsWith(".java")
                        && !file.getFileName().toString().equals("module-info.java")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the sources under " + root, e);
            }
            for (Path source : sources) {
                File compiled = compiledClass(List.of(root), source, outputDirectory);
                if (!compiled.isFile() && source.getFileName().toString().equals("package-info.java")) {
                    continue; // javac writes package-info.class only for an annotated package
                }
                boolean stale = !compiled.isFile() || source.toFile().lastModified() > compiled.lastModified();
                if (stale && declares(MODEL, source)) {
                    throw new MigrateException(source + (compiled.isFile() ? " changed after it was compiled" : " is not compiled")
                            + ", so the entities would be compared as last compiled. Run `mvn compile` first, e.g."
                            + " `mvn compile migrate:check` or `mvn compile migrate:revision -Dmigrate.autogenerate`.");
                }
            }
        }
    }

    /** The class file {@code source} compiles to, under the source root it is in. */
    private static File compiledClass(List<File> sourceRoots, Path source, File outputDirectory) {
        for (File root : sourceRoots) {
            Path rootPath = root.toPath();
            if (source.startsWith(rootPath)) {
                String relative = rootPath.relativize(source).toString();
                return new File(outputDirectory, relative.substring(0, relative.length() - ".java".length()) + ".class");
            }
        }
        return new File(outputDirectory, "(none)");
    }

    private static Stream<Path> revisionSourcesNewerThan(Path root, long indexTime) {
        try (Stream<Path> files = Files.walk(root)) {
            // Collected before the stream closes; only the newer files are read.
            List<Path> candidates = files
                    .filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toFile().lastModified() > indexTime)
                    .toList();
            return candidates.stream().filter(file -> declares(REVISION, file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the sources under " + root, e);
        }
    }

    private static boolean declares(Pattern pattern, Path source) {
        try {
            // Latin-1 reads any bytes; the pattern is ASCII.
            return pattern.matcher(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1)).find();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }
}
