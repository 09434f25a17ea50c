package dev.migrate;

import dev.migrate.graph.Direction;
import java.time.Duration;

/** One revision a run applied (upgrade) or reverted (downgrade). */
public record AppliedRevision(String id, String message, Direction direction, Duration duration) {
}
