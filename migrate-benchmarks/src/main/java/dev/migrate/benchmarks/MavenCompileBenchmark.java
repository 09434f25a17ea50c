package dev.migrate.benchmarks;

import dev.migrate.benchmarks.harness.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What migrate-processor adds to a user's {@code mvn compile}: a generated Maven project with
 * {@link RevisionSources}' revision classes (the same chain with merged side branches as
 * {@link ProcessorBenchmark}), compiled by {@code mvn -q -o compile} from a clean {@code target/}
 * with the processor, with a no-op processor (javac's fixed cost of running any processor, the
 * floor under ours), optionally with a baseline build of the processor, and with
 * {@code -Dmaven.compiler.proc=none}, interleaved, and again after an edit of one revision (Maven's
 * incremental build, which recompiles the module over the old {@code target/classes}). Each figure
 * is the median of the runs: wall time of the whole {@code mvn} process, Maven's start-up included,
 * as a user sees it, and its CPU time, which a busy machine inflates far less.
 *
 * <p>Run with {@code bench/compile.sh} (installs migrate into a private repository first):
 * <pre>
 * bench/compile.sh [--revisions 1000] [--runs 3] [--version 0.1.0-SNAPSHOT] [--work target/bench-compile]
 *                  [--baseline groupId:artifactId:version]
 * </pre>
 */
public final class MavenCompileBenchmark {

    private MavenCompileBenchmark() {
    }

    /** Which annotation processor the build runs. */
    private enum Processing {
        /** migrate-processor, as a user's pom declares it. */
        MIGRATE("processor on"),
        /**
         * A processor that claims {@code @Revision} and does nothing: what javac charges for running
         * any processor at all (two more passes that enter every class again), the floor under
         * migrate-processor's cost.
         */
        NO_OP("no-op processor"),
        /**
         * Another build of migrate-processor ({@code --baseline groupId:artifactId:version}, installed
         * in the same repository), timed in the same rounds: a before/after that a changing load on
         * the machine cannot tilt.
         */
        BASELINE("baseline processor"),
        /** {@code -Dmaven.compiler.proc=none}. */
        NONE("`-Dmaven.compiler.proc=none`");

        private final String label;

        Processing(String label) {
            this.label = label;
        }
    }

    /** One timed build. */
    private record Variant(Processing processing, boolean afterEdit) {

        static List<Variant> all(List<Processing> processings) {
            List<Variant> all = new ArrayList<>();
            for (boolean afterEdit : new boolean[] {false, true}) {
                for (Processing processing : processings) {
                    all.add(new Variant(processing, afterEdit));
                }
            }
            return all;
        }

        String label() {
            return (afterEdit ? "one revision edited" : "clean `mvn compile`") + ", " + processing.label;
        }

        String logName(int round) {
            return processing.name().toLowerCase(Locale.ROOT) + (afterEdit ? "-edit-" : "-clean-") + round + ".log";
        }
    }

    public static void main(String[] args) throws Exception {
        int revisions = 1_000;
        int runs = 3;
        String version = "0.1.0-SNAPSHOT";
        Path work = Path.of("target/bench-compile");
        String repoLocal = null;
        String baseline = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--revisions" -> revisions = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--version" -> version = value;
                case "--work" -> work = Path.of(value);
                case "--repo-local" -> repoLocal = value;
                case "--baseline" -> baseline = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (known: --revisions, --runs, --version, --work, --repo-local, --baseline)");
            }
        }
        Path project = work.toAbsolutePath().resolve("project-" + revisions);
        delete(project);
        List<java.io.File> sources = RevisionSources.write(project.resolve("src/main/java"), revisions);
        Files.writeString(project.resolve("pom.xml"), pom(revisions, version));
        Path edited = sources.get(sources.size() / 2).toPath();
        String original = Files.readString(edited);

        List<String> mvn = new ArrayList<>(List.of("mvn", "-q", "-B"));
        if (repoLocal != null) {
            mvn.add("-Dmaven.repo.local=" + repoLocal);
        }
        // One online build resolves the plugins and installs the no-op processor; every measured one is offline.
        Path noOp = work.toAbsolutePath().resolve("no-op-processor");
        delete(noOp);
        writeNoOpProcessor(noOp);
        ProcessRunner.run(concat(mvn, List.of("install")), noOp, Map.of(), work.resolve("logs/no-op-install.log"));
        ProcessRunner.run(concat(mvn, List.of("compile")), project, Map.of(), work.resolve("logs/warmup.log"));
        mvn.add("-o");

        Map<Variant, List<Double>> times = new HashMap<>();
        Map<Variant, List<Double>> cpu = new HashMap<>();
        List<Processing> processings = new ArrayList<>(List.of(Processing.values()));
        if (baseline == null) {
            processings.remove(Processing.BASELINE);
        }
        List<Processing> order = new ArrayList<>(processings);
        for (int round = 0; round < runs; round++) {
            // Each round starts with another variant, so that a load that rises or falls over the
            // run affects all of them alike.
            Collections.rotate(order, 1);
            for (Processing processing : order) {
                List<String> command = new ArrayList<>(mvn);
                command.addAll(arguments(processing, baseline));
                command.add("compile");
                delete(project.resolve("target"));
                Variant clean = new Variant(processing, false);
                Variant edit = new Variant(processing, true);
                record(times, cpu, clean, ProcessRunner.run(command, project, Map.of(), log(work, clean, round)));
                // An edit Maven notices (newer source), as a developer's change to one revision would be.
                Files.writeString(edited, original.replace("message = \"", "message = \"edited " + round + ": "));
                record(times, cpu, edit, ProcessRunner.run(command, project, Map.of(), log(work, edit, round)));
                Files.writeString(edited, original);
            }
            System.out.printf(Locale.ROOT, "round %d of %d done (load average %s)%n", round + 1, runs, loadAverage());
        }
        System.out.printf(Locale.ROOT, "%n%d revision classes, median of %d runs [min-max]; wall time%n", revisions, runs);
        report(times, processings);
        System.out.printf(Locale.ROOT, "%nCPU time (user + system) of the mvn process tree%n");
        report(cpu, processings);
    }

    private static List<String> arguments(Processing processing, String baseline) {
        return switch (processing) {
            case MIGRATE -> List.of();
            case NO_OP -> processorPath("bench:no-op-processor:1.0.0");
            case BASELINE -> processorPath(baseline);
            case NONE -> List.of("-Dmaven.compiler.proc=none");
        };
    }

    /** The generated pom's processor, replaced by {@code groupId:artifactId:version}. */
    private static List<String> processorPath(String coordinates) {
        String[] parts = coordinates.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--baseline takes groupId:artifactId:version, not " + coordinates);
        }
        return List.of("-Dbench.processor.groupId=" + parts[0], "-Dbench.processor.artifactId=" + parts[1],
                "-Dbench.processor.version=" + parts[2]);
    }

    /** The 1-minute load average, so that a report can say how busy the machine was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void record(Map<Variant, List<Double>> times, Map<Variant, List<Double>> cpu, Variant variant,
            ProcessRunner.Outcome outcome) {
        times.computeIfAbsent(variant, v -> new ArrayList<>()).add(outcome.seconds());
        cpu.computeIfAbsent(variant, v -> new ArrayList<>()).add(outcome.cpuSeconds());
    }

    private static void report(Map<Variant, List<Double>> times, List<Processing> processings) {
        for (Variant variant : Variant.all(processings)) {
            List<Double> sorted = times.get(variant).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "| %s | %.2f s [%.2f-%.2f] |%n", variant.label(), median(sorted),
                    sorted.get(0), sorted.get(sorted.size() - 1));
        }
        for (boolean afterEdit : new boolean[] {false, true}) {
            String build = afterEdit ? "one revision edited" : "clean build";
            Variant none = new Variant(Processing.NONE, afterEdit);
            System.out.printf(Locale.ROOT, "| processor's cost, %s | %+.1f %% (no-op processor: %+.1f %%%s) |%n", build,
                    cost(times, new Variant(Processing.MIGRATE, afterEdit), none),
                    cost(times, new Variant(Processing.NO_OP, afterEdit), none),
                    processings.contains(Processing.BASELINE)
                            ? String.format(Locale.ROOT, ", baseline: %+.1f %%",
                                    cost(times, new Variant(Processing.BASELINE, afterEdit), none))
                            : "");
        }
    }

    private static double cost(Map<Variant, List<Double>> times, Variant on, Variant off) {
        double with = median(times.get(on).stream().sorted().toList());
        double without = median(times.get(off).stream().sorted().toList());
        return (with - without) / without * 100;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Path log(Path work, Variant variant, int round) {
        return work.resolve("logs/" + variant.logName(round));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String pom(int revisions, String version) {
        return pomStart("compile-" + revisions, revisions + " revision classes") + """
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <!-- The processor under test; the benchmark swaps in its no-op processor with -D. -->
                    <bench.processor.groupId>dev.migrate</bench.processor.groupId>
                    <bench.processor.artifactId>migrate-processor</bench.processor.artifactId>
                    <bench.processor.version>%1$s</bench.processor.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>dev.migrate</groupId>
                      <artifactId>migrate-core</artifactId>
                      <version>%1$s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                        <configuration>
                          <annotationProcessorPaths>
                            <path>
                              <groupId>${bench.processor.groupId}</groupId>
                              <artifactId>${bench.processor.artifactId}</artifactId>
                              <version>${bench.processor.version}</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }

    /** A Maven project whose jar holds only a processor that claims {@code @Revision} and does nothing. */
    private static void writeNoOpProcessor(Path root) throws IOException {
        Path sources = Files.createDirectories(root.resolve("src/main/java/bench/noop"));
        Files.writeString(sources.resolve("NoOpProcessor.java"), """
                package bench.noop;

                import java.util.Set;
                import javax.annotation.processing.AbstractProcessor;
                import javax.annotation.processing.RoundEnvironment;
                import javax.lang.model.SourceVersion;
                import javax.lang.model.element.TypeElement;

                /** Claims migrate's annotations and does nothing: javac's cost of running any processor. */
                public final class NoOpProcessor extends AbstractProcessor {
                    @Override
                    public Set<String> getSupportedAnnotationTypes() {
                        return Set.of("dev.migrate.annotation.Revision", "dev.migrate.annotation.AllowUnsafe");
                    }

                    @Override
                    public SourceVersion getSupportedSourceVersion() {
                        return SourceVersion.latestSupported();
                    }

                    @Override
                    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
                        return true;
                    }
                }
                """);
        Path services = Files.createDirectories(root.resolve("src/main/resources/META-INF/services"));
        Files.writeString(services.resolve("javax.annotation.processing.Processor"), "bench.noop.NoOpProcessor\n");
        Files.writeString(root.resolve("pom.xml"), pomStart("no-op-processor", "the floor under any processor") + """
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <maven.compiler.proc>none</maven.compiler.proc>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
                        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                        <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.3</version></plugin>
                      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """);
    }

    /** A generated pom up to its {@code <description>}: {@code bench:artifactId:1.0.0}. */
    private static String pomStart(String artifactId, String description) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0.0</version>
                  <description>Generated by migrate-benchmarks' MavenCompileBenchmark: %s.</description>
                """.formatted(artifactId, description);
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
