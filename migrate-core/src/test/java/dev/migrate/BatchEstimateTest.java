package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchEstimateTest {

    @Test
    void theRateSoFarGivesTheTimeLeft() {
        // 1,000 of 4,000 rows in 20 s: 3,000 rows left at 20 ms a row.
        assertEquals(Duration.ofSeconds(60), BatchEstimate.remaining(Duration.ofSeconds(20), 1_000, 4_000));
    }

    @Test
    void nothingIsSaidBeforeTheRateSettlesOrWithoutATotal() {
        assertNull(BatchEstimate.remaining(Duration.ofSeconds(9), 1_000, 4_000), "a short run needs no estimate");
        assertNull(BatchEstimate.remaining(Duration.ofSeconds(20), 1_000, -1), "total unknown");
        assertNull(BatchEstimate.remaining(Duration.ofSeconds(20), 0, 4_000), "nothing done yet");
        assertNull(BatchEstimate.remaining(Duration.ofSeconds(20), 4_500, 4_000), "more rows than counted: no guess");
    }

    @Test
    void durationsReadAsAPersonWouldWriteThem() {
        assertEquals("45 s", BatchEstimate.words(Duration.ofSeconds(45)));
        assertEquals("12 min 5 s", BatchEstimate.words(Duration.ofSeconds(725)));
        assertEquals("2 h 3 min", BatchEstimate.words(Duration.ofMinutes(123)));
    }

    @Test
    void progressLinesCarryTheTotalAndTheEstimateWhenKnown() {
        assertEquals("r1: batch 4 updated 1000 row(s) of tickets, 4000 so far of about 10000 (40 %), about 1 min 30 s left",
                new MigrationEvent.BatchProgress("r1", "tickets", 4, 1000, 4000, 10_000, Duration.ofSeconds(90)).describe());
        assertEquals("r1: no row of tickets to update (batched update)",
                new MigrationEvent.BatchProgress("r1", "tickets", 1, 0, 0, 0, null).describe());
        assertEquals("r1: batch 4 updated 1000 row(s) of tickets, 4000 so far",
                new MigrationEvent.BatchProgress("r1", "tickets", 4, 1000, 4000).describe());
    }
}
