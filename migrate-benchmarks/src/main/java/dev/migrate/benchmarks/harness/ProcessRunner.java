package dev.migrate.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one measured command as a cold child process and times it from start to exit. Output goes
 * to a log file (not a pipe the harness must drain while timing), which is read afterwards.
 */
public final class ProcessRunner {

    /**
     * What a finished process gave.
     *
     * @param seconds    wall time from start to exit
     * @param cpuSeconds user + system CPU time of the process and its children (bash's {@code times}),
     *                   which a busy machine inflates far less than wall time; -1 where unknown
     * @param lines      its output
     */
    public record Outcome(double seconds, double cpuSeconds, List<String> lines) {
    }

    /** Runs the command under bash and prints the children's CPU times last, keeping its exit code. */
    private static final String TIMES = "\"$@\"; status=$?; echo; echo CPUTIMES; times; exit $status";

    private static final long TIMEOUT_MINUTES = 15;
    private static final Pattern CPU_TIMES = Pattern.compile("(\\d+)m([\\d.,]+)s (\\d+)m([\\d.,]+)s");

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
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", TIMES, "bash"));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped).directory(directory.toFile())
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
        return new Outcome(seconds, cpuSeconds(lines), lines);
    }

    /** Parses the line after {@code CPUTIMES} and the shell's own times: {@code 0m3.199s 0m0.625s}, the children's. */
    static double cpuSeconds(List<String> lines) {
        int marker = lines.lastIndexOf("CPUTIMES");
        if (marker >= 0 && marker + 2 < lines.size()) {
            Matcher matcher = CPU_TIMES.matcher(lines.get(marker + 2));
            if (matcher.matches()) {
                return minutesSeconds(matcher.group(1), matcher.group(2)) + minutesSeconds(matcher.group(3), matcher.group(4));
            }
        }
        return -1;
    }

    private static double minutesSeconds(String minutes, String seconds) {
        return Integer.parseInt(minutes) * 60 + Double.parseDouble(seconds.replace(',', '.'));
    }
}
