package dev.migrate;

import dev.migrate.graph.Direction;

/**
 * A revision a run stopped inside, leaving part of it behind for good: where DDL commits implicitly
 * (MariaDB, MySQL, H2) the statements before the one that failed, lost its connection or was killed,
 * and on every database the steps a batched update committed before its batches. The version table
 * does not claim the revision; the next run of the same direction resumes it after these steps.
 *
 * @param revision  the revision id
 * @param direction {@link Direction#UP} or {@link Direction#DOWN}
 * @param stepsDone how many of its steps took effect; the next run starts at step {@code stepsDone + 1}
 */
public record InterruptedRevision(String revision, Direction direction, int stepsDone) {
}
