package dev.migrate.engine;

import dev.migrate.ChangedRevision;
import dev.migrate.HistoryEntry;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Direction;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds applied revisions whose upgrade renders differently now than when it ran. Only the last
 * successful upgrade of each revision still applied counts (a later downgrade takes it out), and
 * only checksums of the current algorithm version are compared, so upgrading migrate itself never
 * raises a false alarm.
 */
final class ChecksumDrift {

    private static final VersionChange NO_CHANGE = new VersionChange(List.of(), List.of());

    private ChecksumDrift() {
    }

    /**
     * @param history oldest first
     * @param known   the revision with an id, or null when the code does not have it (check reports that apart)
     */
    static List<ChangedRevision> find(List<HistoryEntry> history, Function<String, IndexedRevision> known, Dialect dialect,
            String schema) {
        return find(history, known, dialect, schema, null);
    }

    /** As {@link #find(List, Function, Dialect, String)}, rendering through a tenant run's shared {@code cache} where there is one. */
    static List<ChangedRevision> find(List<HistoryEntry> history, Function<String, IndexedRevision> known, Dialect dialect,
            String schema, RenderCache cache) {
        List<ChangedRevision> changed = new ArrayList<>();
        for (HistoryEntry applied : stillApplied(history).values()) {
            IndexedRevision revision = known.apply(applied.revision());
            if (revision == null || applied.checksum() == null || applied.checksumVersion() != Checksums.VERSION) {
                continue;
            }
            PlanStep step = new PlanStep(revision.descriptor(), Direction.UP, NO_CHANGE);
            String now = (cache != null ? cache.render(revision, step, dialect, schema)
                    : RenderedRevision.render(revision, step, dialect, schema)).checksum();
            if (!now.equals(applied.checksum())) {
                changed.add(new ChangedRevision(revision.id(), revision.className(), applied.checksum(), now,
                        applied.finished()));
            }
        }
        return changed;
    }

    private static Map<String, HistoryEntry> stillApplied(List<HistoryEntry> history) {
        Map<String, HistoryEntry> applied = new LinkedHashMap<>();
        for (HistoryEntry entry : history) {
            if (!entry.success()) {
                continue;
            }
            if (entry.direction() == Direction.UP) {
                applied.put(entry.revision(), entry);
            } else if (entry.direction() == Direction.DOWN) {
                applied.remove(entry.revision());
            } // a stamp row names no single revision, and ran none
        }
        return applied;
    }
}
