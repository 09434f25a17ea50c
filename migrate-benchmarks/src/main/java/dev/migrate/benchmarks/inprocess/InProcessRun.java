package dev.migrate.benchmarks.inprocess;

import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.benchmarks.harness.ResultLines;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Times migrate's {@link Migrator} inside a fresh JVM, the way an application calls it at start-up.
 * The revision classes (and their generated index) must be on the class path.
 *
 * <ul>
 *   <li>{@code online <url> <count>}: {@code upgrade("head")} on an empty database, the same again
 *       (no-op), then {@code downgrade("base")}; each call timed with building the {@code Migrator}.</li>
 *   <li>{@code offline <url> <count>}: {@code upgradeSql("head")}, which opens no connection.</li>
 *   <li>{@code memory <url> <count>}: {@code upgrade("head")} and the heap's peak (run it with
 *       {@code -Xmx150m}: finishing at all proves the goal's bound) and the process's peak RSS.</li>
 * </ul>
 * Each mode checks that {@code count} revisions ran, so a broken run cannot pass as a fast one.
 */
public final class InProcessRun {

    private InProcessRun() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: InProcessRun online|offline|memory <jdbc-url> <revision-count>");
            System.exit(2);
        }
        String url = args[1];
        int count = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "online":
                online(url, count);
                break;
            case "offline":
                offline(url, count);
                break;
            case "memory":
                memory(url, count);
                break;
            default:
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
        }
    }

    private static void online(String url, int count) {
        Stopwatch upgrade = new Stopwatch();
        expect("upgrade", count, Migrator.builder().url(url).build().upgrade("head"));
        upgrade.print("migrate.upgrade");
        Stopwatch noop = new Stopwatch();
        expect("no-op upgrade", 0, Migrator.builder().url(url).build().upgrade("head"));
        noop.print("migrate.noop");
        Stopwatch downgrade = new Stopwatch();
        expect("downgrade", count, Migrator.builder().url(url).build().downgrade("base"));
        downgrade.print("migrate.downgrade");
    }

    private static void offline(String url, int count) {
        Stopwatch offline = new Stopwatch();
        String script = Migrator.builder().url(url).build().upgradeSql("head");
        offline.print("migrate.sql");
        if (script.isBlank()) {
            throw new IllegalStateException("upgradeSql(\"head\") returned no SQL for " + count + " revisions");
        }
        System.out.println("offline script: " + script.length() + " characters");
    }

    private static void memory(String url, int count) {
        expect("upgrade", count, Migrator.builder().url(url).build().upgrade("head"));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        ResultLines.print(System.out, "migrate.peakHeapMib", peak / (1024.0 * 1024.0));
        ResultLines.print(System.out, "migrate.rssMib", ResultLines.peakRssMib());
    }

    private static void expect(String what, int count, RunResult result) {
        if (result.applied().size() != count) {
            throw new IllegalStateException(what + " ran " + result.applied().size() + " revisions, expected " + count);
        }
    }
}
