package dev.migrate.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The machine a suite ran on, as the report prints it.
 *
 * @param processors {@code nproc}
 * @param memory     total memory, e.g. {@code 23.5 GiB}
 * @param java       Java version and VM
 * @param maven      Maven version line
 * @param postgres   PostgreSQL server version
 * @param load       1/5/15-minute load averages when the suite started (other work skews figures)
 * @param date       when the suite started, UTC
 */
public record MachineInfo(int processors, String memory, String java, String maven, String postgres, String load, String date) {

    /** Reads this machine; {@code maven} and {@code postgres} come from the caller. */
    public static MachineInfo current(String maven, String postgres) {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), totalMemory(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                maven, postgres, firstLine(Path.of("/proc/loadavg")),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    }

    private static String totalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "unknown" : String.join(" ", List.of(lines.get(0).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
