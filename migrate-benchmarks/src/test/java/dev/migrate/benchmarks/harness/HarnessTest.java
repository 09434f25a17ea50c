package dev.migrate.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics, pairing and the child-process protocol of the harness. */
class HarnessTest {

    @Test
    void summaryTakesTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(new Summary(2.0, 1.0, 9.0, 3), Summary.of(List.of(9.0, 1.0, 2.0)));
        assertEquals(new Summary(2.5, 1.0, 9.0, 4), Summary.of(List.of(9.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void ratiosArePairedRoundByRound() {
        Measurements measurements = new Measurements();
        measurements.add(Metric.MIGRATE_UPGRADE, 10, 2.0);
        measurements.add(Metric.FLOOR_INSIDE, 10, 1.0);
        measurements.add(Metric.MIGRATE_UPGRADE, 10, 6.0);
        measurements.add(Metric.FLOOR_INSIDE, 10, 5.0);
        Summary ratio = measurements.ratio(Metric.MIGRATE_UPGRADE, Metric.FLOOR_INSIDE, 10).orElseThrow();
        assertEquals(1.2, ratio.min(), 1e-9);
        assertEquals(2.0, ratio.max(), 1e-9);
        assertEquals(1.0, measurements.difference(Metric.MIGRATE_UPGRADE, Metric.FLOOR_INSIDE, 10).orElseThrow().median(), 1e-9);
        assertTrue(measurements.ratio(Metric.MIGRATE_UPGRADE, Metric.FLOOR_INSIDE, 99).isEmpty());
    }

    @Test
    void childProcessResultsAndCpuTimeAreRead(@TempDir Path dir) throws Exception {
        ProcessRunner.Outcome outcome = ProcessRunner.run(List.of("bash", "-c", "echo 'RESULT x.seconds 1.500'"),
                dir, Map.of(), dir.resolve("log.txt"));
        assertEquals(Map.of("x.seconds", 1.5), ResultLines.parse(outcome.lines()));
        assertTrue(outcome.cpuSeconds() >= 0, outcome.lines().toString());
        assertEquals(3.75, ProcessRunner.cpuSeconds(List.of("CPUTIMES", "0m0.010s 0m0.020s", "0m3.000s 0m0.750s")), 1e-9);
    }

    @Test
    void failingChildNamesItsExitCodeAndLog(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProcessRunner.run(
                List.of("bash", "-c", "echo broken; exit 3"), dir, Map.of(), dir.resolve("log.txt")));
        assertTrue(e.getMessage().startsWith("Exit 3: bash -c echo broken; exit 3 in " + dir + " (log: " + dir.resolve("log.txt")), e.getMessage());
        assertTrue(e.getMessage().contains("\nbroken"), e.getMessage());
    }
}
