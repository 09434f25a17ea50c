package dev.migrate.benchmarks;

import dev.migrate.benchmarks.harness.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What migrate-processor adds to a user's {@code mvn compile}: a generated Maven project with
 * {@link RevisionSources}' revision classes (the same chain with merged side branches as
 * {@link ProcessorBenchmark}), compiled by {@code mvn -q -o compile} from a clean {@code target/}
 * with the processor and with {@code -Dmaven.compiler.proc=none}, interleaved, and again after an
 * edit of one revision (Maven's incremental build, which recompiles the module over the old
 * {@code target/classes}). Each figure is the median of the runs; wall time of the whole
 * {@code mvn} process, Maven's start-up included, as a user sees it.
 *
 * <p>Run with {@code bench/compile.sh} (installs migrate into a private repository first):
 * <pre>
 * bench/compile.sh [--revisions 1000] [--runs 3] [--version 0.1.0-SNAPSHOT] [--work target/bench-compile]
 * </pre>
 */
public final class MavenCompileBenchmark {

    private MavenCompileBenchmark() {
    }

    /** One timed build. */
    private enum Variant {
        CLEAN_PROC("clean `mvn compile`, processor on", true, false),
        CLEAN_NO_PROC("clean `mvn compile`, `-Dmaven.compiler.proc=none`", false, false),
        EDIT_PROC("one revision edited, `mvn compile`, processor on", true, true),
        EDIT_NO_PROC("one revision edited, `mvn compile`, `-Dmaven.compiler.proc=none`", false, true);

        private final String label;
        private final boolean processor;
        private final boolean afterEdit;

        Variant(String label, boolean processor, boolean afterEdit) {
            this.label = label;
            this.processor = processor;
            this.afterEdit = afterEdit;
        }
    }

    public static void main(String[] args) throws Exception {
        int revisions = 1_000;
        int runs = 3;
        String version = "0.1.0-SNAPSHOT";
        Path work = Path.of("target/bench-compile");
        String repoLocal = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--revisions" -> revisions = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--version" -> version = value;
                case "--work" -> work = Path.of(value);
                case "--repo-local" -> repoLocal = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (known: --revisions, --runs, --version, --work, --repo-local)");
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
        // One online build resolves the plugins; every measured one is offline.
        ProcessRunner.run(concat(mvn, List.of("compile")), project, Map.of(), work.resolve("logs/warmup.log"));
        mvn.add("-o");

        Map<Variant, List<Double>> times = new EnumMap<>(Variant.class);
        Map<Variant, List<Double>> cpu = new EnumMap<>(Variant.class);
        for (int round = 0; round < runs; round++) {
            for (boolean processor : new boolean[] {round % 2 == 0, round % 2 != 0}) {
                List<String> command = new ArrayList<>(mvn);
                if (!processor) {
                    command.add("-Dmaven.compiler.proc=none");
                }
                command.add("compile");
                delete(project.resolve("target"));
                Variant clean = processor ? Variant.CLEAN_PROC : Variant.CLEAN_NO_PROC;
                Variant edit = processor ? Variant.EDIT_PROC : Variant.EDIT_NO_PROC;
                record(times, cpu, clean, ProcessRunner.run(command, project, Map.of(), log(work, clean, round)));
                // An edit Maven notices (newer source), as a developer's change to one revision would be.
                Files.writeString(edited, original.replace("message = \"", "message = \"edited " + round + ": "));
                record(times, cpu, edit, ProcessRunner.run(command, project, Map.of(), log(work, edit, round)));
                Files.writeString(edited, original);
            }
            System.out.printf(Locale.ROOT, "round %d of %d done%n", round + 1, runs);
        }
        System.out.printf(Locale.ROOT, "%n%d revision classes, median of %d runs [min-max]; wall time%n", revisions, runs);
        report(times);
        System.out.printf(Locale.ROOT, "%nCPU time (user + system) of the mvn process tree%n");
        report(cpu);
    }

    private static void record(Map<Variant, List<Double>> times, Map<Variant, List<Double>> cpu, Variant variant,
            ProcessRunner.Outcome outcome) {
        times.computeIfAbsent(variant, v -> new ArrayList<>()).add(outcome.seconds());
        cpu.computeIfAbsent(variant, v -> new ArrayList<>()).add(outcome.cpuSeconds());
    }

    private static void report(Map<Variant, List<Double>> times) {
        for (Variant variant : Variant.values()) {
            List<Double> sorted = times.get(variant).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "| %s | %.2f s [%.2f-%.2f] |%n", variant.label, median(sorted),
                    sorted.get(0), sorted.get(sorted.size() - 1));
        }
        System.out.printf(Locale.ROOT, "| processor's cost, clean build | %+.1f %% |%n",
                cost(times, Variant.CLEAN_PROC, Variant.CLEAN_NO_PROC));
        System.out.printf(Locale.ROOT, "| processor's cost, one revision edited | %+.1f %% |%n",
                cost(times, Variant.EDIT_PROC, Variant.EDIT_NO_PROC));
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
        return work.resolve("logs/" + variant.name().toLowerCase(Locale.ROOT) + "-" + round + ".log");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String pom(int revisions, String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>compile-%1$d</artifactId>
                  <version>1.0.0</version>
                  <description>Generated by migrate-benchmarks' MavenCompileBenchmark: %1$d revision classes.</description>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>dev.migrate</groupId>
                      <artifactId>migrate-core</artifactId>
                      <version>%2$s</version>
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
                              <groupId>dev.migrate</groupId>
                              <artifactId>migrate-processor</artifactId>
                              <version>%2$s</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(revisions, version);
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
