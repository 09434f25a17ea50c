package dev.migrate;

import java.time.Duration;

/**
 * The time a batched update has left, at the rate it has kept so far. Said only on long runs: before
 * {@link #SETTLED} has passed, the first batches (cold caches, a warming plan) say little about the
 * rest, and a short run needs no estimate.
 */
public final class BatchEstimate {

    /** How long a batched update runs before its rate is trusted for an estimate. */
    public static final Duration SETTLED = Duration.ofSeconds(10);

    private BatchEstimate() {
    }

    /**
     * The time left to update {@code expected} rows, {@code done} of them done in {@code elapsed};
     * null when it cannot be said yet (short run, nothing done, total unknown) or when the count is
     * already reached (the rows the WHERE clause selects may grow while the update runs).
     */
    public static Duration remaining(Duration elapsed, long done, long expected) {
        if (elapsed.compareTo(SETTLED) < 0 || done <= 0 || expected < 0 || done >= expected) {
            return null;
        }
        double perRow = (double) elapsed.toNanos() / done;
        return Duration.ofNanos((long) (perRow * (expected - done)));
    }

    /** A duration the way a person reads it in a log line: {@code 45 s}, {@code 12 min 5 s}, {@code 2 h 3 min}. */
    public static String words(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
