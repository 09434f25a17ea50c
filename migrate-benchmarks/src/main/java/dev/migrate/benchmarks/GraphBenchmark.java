package dev.migrate.benchmarks;

import dev.migrate.graph.Plan;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times building a {@link RevisionGraph} and planning {@code upgrade heads} from an empty
 * database (and {@code downgrade base} back), for 1,000, 10,000 and 100,000 revisions with about
 * 1% branches and 1% merges. Each size is warmed up, then measured 15 times; the table shows the
 * median and the spread (fastest to slowest run) in milliseconds of the measuring thread's CPU
 * time, which stays meaningful on a machine shared with other builds, and the median wall time.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -o -pl migrate-benchmarks -am package -DskipTests
 * java -cp migrate-annotations/target/classes:migrate-core/target/classes:migrate-benchmarks/target/classes \
 *     dev.migrate.benchmarks.GraphBenchmark
 * </pre>
 * Timing belongs here, never in unit tests; the latest figures go to {@code docs/PERFORMANCE.md}.
 */
public final class GraphBenchmark {

    private static final int[] SIZES = {1_000, 10_000, 100_000};
    private static final int WARM_UP = 5;
    private static final int RUNS = 15;

    private GraphBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("%-9s %-5s %-6s | %-30s | %-30s | %-30s%n", "revisions", "heads", "merges",
                "build: cpu ms median (range) wall", "upgrade heads from empty", "downgrade heads to base");
        for (int size : SIZES) {
            List<RevisionDescriptor> revisions = generate(size, new Random(42));
            RevisionGraph graph = RevisionGraph.of(revisions);
            Plan up = graph.upgradePlan(List.of(), "heads");
            if (up.steps().size() != size) {
                throw new IllegalStateException("plan covers " + up.steps().size() + " of " + size);
            }
            long merges = revisions.stream().filter(RevisionDescriptor::isMerge).count();
            double[] build = time(() -> RevisionGraph.of(revisions));
            double[] upgrade = time(() -> graph.upgradePlan(List.of(), "heads"));
            double[] downgrade = time(() -> graph.downgradePlan(up.headsAfter(), "base"));
            System.out.printf("%-9d %-5d %-6d | %-30s | %-30s | %-30s%n", size, graph.heads().size(), merges,
                    format(build), format(upgrade), format(downgrade));
        }
        worstCase();
    }

    /**
     * The known slow shape: a "comb" whose every revision has its own unmerged head. Ordering like
     * Alembic then costs about revisions x heads (as in Alembic itself), so it is shown apart.
     */
    private static void worstCase() {
        System.out.printf("%nworst case: comb of n revisions with n/2 heads, upgrade heads from empty%n");
        for (int teeth : new int[] {1_000, 4_000}) {
            List<RevisionDescriptor> revisions = new ArrayList<>();
            for (int i = 0; i < teeth; i++) {
                revisions.add(new RevisionDescriptor("s" + i, i == 0 ? List.of() : List.of("s" + (i - 1)), List.of(),
                        List.of(), "", ""));
                revisions.add(new RevisionDescriptor("t" + i, List.of("s" + i), List.of(), List.of(), "", ""));
            }
            RevisionGraph graph = RevisionGraph.of(revisions);
            double[] upgrade = time(() -> graph.upgradePlan(List.of(), "heads"));
            System.out.printf("%-9d %-5d        | %-30s%n", revisions.size(), graph.heads().size(), format(upgrade));
        }
    }

    /** CPU milliseconds of each run (sorted), followed by the median wall milliseconds. */
    private static double[] time(Runnable action) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP; i++) {
            action.run();
        }
        double[] cpu = new double[RUNS];
        double[] wall = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            action.run();
            wall[i] = (System.nanoTime() - wallStart) / 1_000_000.0;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000.0;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double[] result = Arrays.copyOf(cpu, RUNS + 1);
        result[RUNS] = wall[RUNS / 2];
        return result;
    }

    private static String format(double[] runs) {
        return String.format("%.1f (%.1f-%.1f) %.1f", runs[RUNS / 2], runs[0], runs[RUNS - 1], runs[RUNS]);
    }

    /**
     * A history that is mostly one line: 1% of revisions start a branch from a recent revision,
     * 1% merge two open heads. Ids are 12 hex digits from a fixed seed, so runs are comparable.
     */
    static List<RevisionDescriptor> generate(int size, Random random) {
        List<RevisionDescriptor> result = new ArrayList<>(size);
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
            List<String> parents = new ArrayList<>();
            double roll = random.nextDouble();
            if (i == 0) {
                // the base
            } else if (roll < 0.01) {
                parents.add(result.get(Math.max(0, i - 1 - random.nextInt(50))).id());
            } else if (roll < 0.02 && heads.size() >= 2) {
                parents.add(heads.remove(random.nextInt(heads.size())));
                parents.add(heads.remove(random.nextInt(heads.size())));
            } else {
                parents.add(heads.remove(random.nextInt(heads.size())));
            }
            heads.removeAll(parents);
            heads.add(id);
            result.add(new RevisionDescriptor(id, parents, List.of(), List.of(), "", "bench.R" + i));
        }
        return result;
    }
}
