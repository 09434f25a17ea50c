package dev.migrate.benchmarks;

import dev.migrate.Migration;
import dev.migrate.annotation.Revision;
import dev.migrate.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to javac's time for a large project: 1,000 generated
 * revision classes (a chain with a side branch merged back every 100 revisions), compiled with
 * {@link JavaCompiler} in four ways, interleaved, several runs each: plain, plain plus the
 * generated index (the index's own compile cost), with a no-op {@code @Revision} processor
 * (javac's own processing cost: one more round that re-enters every class) and with
 * {@link RevisionProcessor}. Prints the medians and each one's cost over plain javac.
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
            List<File> withIndex = new ArrayList<>(sources);
            withIndex.add(generatedIndex(sources, work));
            System.out.printf(Locale.ROOT, "%d revision classes, %d runs each (after 2 warm-up runs each)%n",
                    sources.size(), runs);
            Map<Variant, List<Long>> times = new EnumMap<>(Variant.class);
            Map<Variant, List<Long>> cpu = new EnumMap<>(Variant.class);
            for (int i = 0; i < runs + 2; i++) {
                for (Variant variant : Variant.values()) {
                    Timing timing = compile(variant == Variant.PLAIN_WITH_INDEX ? withIndex : sources, work, variant);
                    if (i >= 2) {
                        times.computeIfAbsent(variant, v -> new ArrayList<>()).add(timing.wallNanos());
                        cpu.computeIfAbsent(variant, v -> new ArrayList<>()).add(timing.cpuNanos());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "wall time%n");
            report(times);
            // javac runs on the calling thread: its CPU time leaves out the JIT and GC threads and
            // hardly grows when other processes compete for the cores, unlike the wall time.
            System.out.printf(Locale.ROOT, "%nCPU time of the compiling thread%n");
            report(cpu);
        } finally {
            delete(work);
        }
    }

    /** What is compiled, and with which processor. */
    private enum Variant {
        /** javac -proc:none over the revision classes. */
        PLAIN("plain javac"),
        /** The same, plus the index the processor generates, as an ordinary source file. */
        PLAIN_WITH_INDEX("plain javac + generated index source"),
        /** A processor for @Revision that does nothing: javac's own cost of annotation processing. */
        NO_OP_PROCESSOR("javac + no-op @Revision processor"),
        /** migrate-processor. */
        REVISION_PROCESSOR("javac + migrate-processor");

        private final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private static void report(Map<Variant, List<Long>> times) {
        double plain = median(times.get(Variant.PLAIN)) / 1e6;
        for (Variant variant : Variant.values()) {
            double ms = median(times.get(variant)) / 1e6;
            List<Long> sorted = times.get(variant).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-40s %8.1f ms [%.1f-%.1f]  %+6.1f %%%n", variant.label, ms,
                    sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, (ms - plain) / plain * 100);
        }
        double full = median(times.get(Variant.REVISION_PROCESSOR)) / 1e6;
        System.out.printf(Locale.ROOT, "processor cost: %.1f %% of plain javac time (goal < 10 %%)%n",
                (full - plain) / plain * 100);
    }

    /**
     * The index migrate-processor writes for {@code sources} in its source form
     * ({@code -Amigrate.index=source}; by default it writes class files), copied out as a plain
     * source file: what javac would pay to compile it.
     */
    private static File generatedIndex(List<File> sources, Path work) throws IOException {
        Path generated = Files.createDirectories(work.resolve("generated"));
        compile(sources, work, Variant.REVISION_PROCESSOR, List.of("-s", generated.toString(), "-Amigrate.index=source"));
        try (Stream<Path> files = Files.walk(generated)) {
            return files.filter(path -> path.getFileName().toString().startsWith("RevisionIndex_"))
                    .findFirst().orElseThrow().toFile();
        }
    }

    /** The wall time of one compilation, and the CPU time of the thread that ran it. */
    private record Timing(long wallNanos, long cpuNanos) {
    }

    /** One compilation into a fresh output directory. */
    private static Timing compile(List<File> sources, Path work, Variant variant) throws IOException {
        return compile(sources, work, variant, List.of());
    }

    private static Timing compile(List<File> sources, Path work, Variant variant, List<String> extraOptions)
            throws IOException {
        Path out = Files.createTempDirectory(work, "out");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                    location(Migration.class) + File.pathSeparator + location(Revision.class)));
            options.addAll(extraOptions);
            boolean plain = variant == Variant.PLAIN || variant == Variant.PLAIN_WITH_INDEX;
            if (plain) {
                options.add("-proc:none");
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(sources));
            if (!plain) {
                task.setProcessors(List.of(variant == Variant.NO_OP_PROCESSOR ? new NoOpProcessor() : new RevisionProcessor()));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            boolean success = task.call();
            Timing timing = new Timing(System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpuStart);
            if (!success) {
                throw new IllegalStateException("benchmark sources did not compile: " + diagnostics.getDiagnostics());
            }
            return timing;
        } finally {
            delete(out);
        }
    }

    /** Claims nothing and does nothing: what javac's annotation processing costs on its own. */
    private static final class NoOpProcessor extends AbstractProcessor {

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of(Revision.class.getName());
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            return false;
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
