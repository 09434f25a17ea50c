package dev.migrate.benchmarks.inprocess;

import dev.migrate.benchmarks.harness.ResultLines;
import java.lang.management.ManagementFactory;

/**
 * Wall time and this process's CPU time (all threads, JIT and GC included) since it was made.
 * The CPU figure shows the client's own cost, which a busy machine inflates far less than wall time.
 */
public final class Stopwatch {

    private final long wallStart = System.nanoTime();
    private final long cpuStart = processCpuNanos();

    /** Prints {@code <prefix>Seconds} and {@code <prefix>CpuSeconds} as result lines. */
    public void print(String prefix) {
        long cpu = processCpuNanos();
        ResultLines.print(System.out, prefix + "Seconds", (System.nanoTime() - wallStart) / 1e9);
        if (cpu >= 0 && cpuStart >= 0) {
            ResultLines.print(System.out, prefix + "CpuSeconds", (cpu - cpuStart) / 1e9);
        }
    }

    /** The JVM's CPU time, or -1 where the platform bean does not give it. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
