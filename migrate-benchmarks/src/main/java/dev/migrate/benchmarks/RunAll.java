package dev.migrate.benchmarks;

import dev.migrate.benchmarks.harness.MachineInfo;
import dev.migrate.benchmarks.harness.MarkdownReport;
import dev.migrate.benchmarks.harness.Measurements;
import dev.migrate.benchmarks.harness.PostgresServer;
import dev.migrate.benchmarks.harness.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the whole suite and writes the markdown table (see {@code docs/PERFORMANCE.md} and
 * {@code bench/run.sh}, which builds the class path and the private Maven repository first).
 * Rounds interleave every scenario and size, so slow phases of a shared machine hit all alike.
 */
public final class RunAll {

    /** The markers in {@code docs/PERFORMANCE.md} between which the latest table goes. */
    public static final String BEGIN = "<!-- bench:results:begin -->";
    public static final String END = "<!-- bench:results:end -->";

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.parse(args);
        PostgresServer server = new PostgresServer(config.adminUrl());
        Measurements measurements = new Measurements();
        MachineInfo machine = MachineInfo.current(mavenVersion(config), server.version());
        Suite suite = new Suite(config, server, measurements);
        long start = System.nanoTime();
        for (int size : config.sizes()) {
            log("preparing N = " + size);
            suite.prepare(size);
        }
        int total = config.warmups() + config.runs();
        for (int round = 1; round <= total; round++) {
            boolean measured = round > config.warmups();
            for (int size : config.sizes()) {
                log((measured ? "round " + (round - config.warmups()) + "/" + config.runs() : "warm-up") + ", N = " + size);
                suite.round(size, measured);
            }
        }
        suite.cleanUp();
        int goalSize = config.sizes().contains(1_000) ? 1_000 : config.sizes().get(config.sizes().size() - 1);
        String report = MarkdownReport.render(measurements, config.sizes(), goalSize, machine, config.flywayVersion(),
                config.runs(), config.command());
        Files.createDirectories(config.output().toAbsolutePath().getParent());
        Files.writeString(config.output(), report);
        if (config.document() != null) {
            updateDocument(config.document(), report);
        }
        System.out.println(report);
        log(String.format("done in %.0f s; table in %s", (System.nanoTime() - start) / 1e9, config.output()));
    }

    /** Replaces what stands between the markers, keeping the rest of the document. */
    static void updateDocument(Path document, String report) throws IOException {
        String text = Files.readString(document);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(document + " has no " + BEGIN + " ... " + END + " markers to put the table between");
        }
        Files.writeString(document, text.substring(0, begin + BEGIN.length()) + "\n" + report + text.substring(end));
    }

    private static String mavenVersion(BenchConfig config) throws IOException, InterruptedException {
        List<String> lines = ProcessRunner.run(List.of("mvn", "-v"), Path.of("."), java.util.Map.of(),
                config.workDirectory().resolve("logs/mvn-version.log")).lines();
        return lines.isEmpty() ? "Maven (unknown)" : lines.get(0).replaceAll("\u001B\\[[;\\d]*m", "").replaceAll(" \\(.*", "");
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
