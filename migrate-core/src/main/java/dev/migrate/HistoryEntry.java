package dev.migrate;

import dev.migrate.graph.Direction;
import java.time.OffsetDateTime;

/**
 * One row of the append-only history table: a revision run (or a failed attempt).
 *
 * @param revision        revision id
 * @param direction       up or down
 * @param checksum        SHA-256 (hex) of the revision's rendered SQL in that direction; null for stamps
 * @param checksumVersion version of the checksum algorithm, so a changed algorithm is recognised
 * @param started         when the revision started
 * @param finished        when it committed or failed
 * @param success         false for a failed attempt (which left nothing applied where DDL is transactional)
 * @param executedBy      the database user
 * @param migrateVersion  the migrate version that ran it
 */
public record HistoryEntry(String revision, Direction direction, String checksum, int checksumVersion,
        OffsetDateTime started, OffsetDateTime finished, boolean success, String executedBy, String migrateVersion) {
}
