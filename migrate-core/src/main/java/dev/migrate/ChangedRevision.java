package dev.migrate;

import java.time.OffsetDateTime;

/**
 * An applied revision whose upgrade no longer renders to the SQL that was run: somebody edited a
 * revision after it reached this database. {@code mvn migrate:check} fails on it.
 *
 * @param id                the revision id
 * @param className         the revision class as it is now
 * @param appliedChecksum   the checksum stored when it was applied
 * @param currentChecksum   the checksum of what it renders now
 * @param appliedAt         when it was applied
 */
public record ChangedRevision(String id, String className, String appliedChecksum, String currentChecksum,
        OffsetDateTime appliedAt) {
}
