package dev.migrate.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measured command as a cold child process and times it from start to exit. Output goes
 * to a log file (not a pipe the harness must drain while timing), which is read afterwards.
 */
public final class ProcessRunner {

    /** What a finished process gave: wall time and its output lines. */
    public record Outcome(double seconds, List<String> lines) {
    }

    private static final long TIMEOUT_MINUTES = 15;

    private ProcessRunner() {
    }

    /**
     * Runs {@code command} in {@code directory} with {@code environment} added, output to {@code log}.
     *
     * @throws IllegalStateException when it exits non-zero or runs past the timeout, with the log's tail
     */
    public static Outcome run(List<String> command, Path directory, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out after " + TIMEOUT_MINUTES + " min: " + String.join(" ", command)
                    + " (log: " + log + ")");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(log);
        if (process.exitValue() != 0) {
            List<String> tail = lines.subList(Math.max(0, lines.size() - 40), lines.size());
            throw new IllegalStateException("Exit " + process.exitValue() + ": " + String.join(" ", command)
                    + " in " + directory + " (log: " + log + ")\n" + String.join("\n", tail));
        }
        return new Outcome(seconds, lines);
    }
}
