package dev.migrate.benchmarks;

import dev.migrate.Migration;
import dev.migrate.annotation.Revision;
import dev.migrate.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to javac's time for a large project: 1,000 generated
 * revision classes (a chain with a side branch merged back every 100 revisions), compiled with
 * {@link JavaCompiler} without and with {@link RevisionProcessor}, alternating, several runs each;
 * prints the medians and the processor's share. Goal: under 10 % on top of plain javac.
 *
 * <p>Run from the repository root (the reactor's classes first, so the current processor and
 * core are measured):
 * <pre>
 * mvn -q -pl migrate-benchmarks -am compile
 * mvn -q -pl migrate-benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp migrate-benchmarks/target/classes:migrate-processor/target/classes:migrate-core/target/classes:\
 *   migrate-annotations/target/classes:$(cat migrate-benchmarks/target/cp.txt) \
 *   dev.migrate.benchmarks.ProcessorBenchmark [revisions=1000] [runs=7]
 * </pre>
 */
public final class ProcessorBenchmark {

    private ProcessorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path work = Files.createTempDirectory("migrate-processor-benchmark");
        try {
            List<File> sources = RevisionSources.write(work.resolve("src"), revisions);
            System.out.printf(Locale.ROOT, "%d revision classes, %d runs each (after 2 warm-up runs each)%n",
                    sources.size(), runs);
            for (int i = 0; i < 2; i++) {
                compile(sources, work, false);
                compile(sources, work, true);
            }
            List<Long> plain = new ArrayList<>();
            List<Long> processed = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                plain.add(compile(sources, work, false));
                processed.add(compile(sources, work, true));
            }
            report(median(plain), median(processed));
        } finally {
            delete(work);
        }
    }

    private static void report(long plainNanos, long processedNanos) {
        double plainMs = plainNanos / 1e6;
        double processedMs = processedNanos / 1e6;
        double overhead = (processedMs - plainMs) / plainMs * 100;
        System.out.printf(Locale.ROOT, "javac without processor: %8.1f ms (median)%n", plainMs);
        System.out.printf(Locale.ROOT, "javac with processor:    %8.1f ms (median)%n", processedMs);
        System.out.printf(Locale.ROOT, "processor cost: %.1f %% of plain javac time (goal < 10 %%)%n", overhead);
    }

    /** One compilation into a fresh output directory; the elapsed nanoseconds. */
    private static long compile(List<File> sources, Path work, boolean withProcessor) throws IOException {
        Path out = Files.createTempDirectory(work, "out");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                    location(Migration.class) + File.pathSeparator + location(Revision.class)));
            if (!withProcessor) {
                options.add("-proc:none");
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(sources));
            if (withProcessor) {
                task.setProcessors(List.of(new RevisionProcessor()));
            }
            long start = System.nanoTime();
            boolean success = task.call();
            long elapsed = System.nanoTime() - start;
            if (!success) {
                throw new IllegalStateException("benchmark sources did not compile: " + diagnostics.getDiagnostics());
            }
            return elapsed;
        } finally {
            delete(out);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
