package dev.migrate.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import dev.migrate.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line of a long tenant run: tenants done of total, failures so far, rate. */
class TenantRunProgressTest {

    @Test
    void aLongRunReportsTenantsDoneFailuresAndRate() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch reported = new CountDownLatch(1);
        TenantRun run = new TenantRun(1, false, line -> {
            lines.add(line);
            if (line.startsWith("Tenants: 2 of 3 done, 1 failed, ")) {
                reported.countDown();
            }
        }, Duration.ofMillis(20));
        List<Tenant> tenants = Tenant.parse("quick,broken,slow");

        TenantReport report = run.run(tenants, (tenant, events) -> {
            switch (tenant.name()) {
                case "broken" -> throw new MigrateException("Revision 'b2' failed");
                case "slow" -> {
                    // The last tenant finishes only once the run said where it stands.
                    try {
                        if (!reported.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("no progress line while a tenant ran: " + lines);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new RunResult(List.of(), List.of("a1"), List.of("a1"));
                }
                default -> {
                    return new RunResult(List.of(), List.of("a1"), List.of("a1"));
                }
            }
        }, tenant -> List.of());

        assertEquals(1, report.failures().size(), report.summary());
        assertEquals(2, report.count(TenantOutcome.Status.UNCHANGED), report.summary() + report.failures());
        String line = lines.stream().filter(l -> l.startsWith("Tenants: 2 of 3 done")).findFirst().orElseThrow();
        assertTrue(line.matches("Tenants: 2 of 3 done, 1 failed, \\d+\\.\\d tenants/s"), line);
    }
}
