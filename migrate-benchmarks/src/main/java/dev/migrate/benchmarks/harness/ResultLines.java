package dev.migrate.benchmarks.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a measured child process hands its numbers to the harness: lines {@code RESULT <key> <value>}
 * on standard output, next to whatever else the process prints.
 */
public final class ResultLines {

    private static final String PREFIX = "RESULT ";

    private ResultLines() {
    }

    public static void print(PrintStream out, String key, double value) {
        out.println(PREFIX + key + " " + String.format(Locale.ROOT, "%.3f", value));
        out.flush();
    }

    /** Every result line of {@code lines}, by key (the last one wins). */
    public static Map<String, Double> parse(List<String> lines) {
        Map<String, Double> results = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith(PREFIX)) {
                String[] parts = line.substring(PREFIX.length()).trim().split(" ");
                results.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        return results;
    }

    /** This process's peak resident set size in MiB (Linux {@code VmHWM}), or -1 where unknown. */
    public static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kib = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return Long.parseLong(kib) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
