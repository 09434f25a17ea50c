package dev.migrate.junit;

import dev.migrate.graph.Direction;
import java.time.Duration;
import java.util.Locale;

/**
 * How long one revision took in one direction during a check.
 *
 * @param revision  the revision id
 * @param direction upgrade or downgrade
 * @param duration  the time the engine measured for it
 */
public record RevisionTiming(String revision, Direction direction, Duration duration) {

    /** {@code 3f1c2a9b7d10 upgrade 1.250 s}. */
    String describe() {
        return revision + " " + (direction == Direction.UP ? "upgrade" : "downgrade") + " "
                + String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }
}
