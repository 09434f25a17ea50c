package dev.migrate;

import dev.migrate.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The start and targets of an offline stamp: each target may be a range {@code from:to}, and all
 * ranges must share their start (Alembic's rule for {@code stamp --sql}); without a range the
 * script starts from base.
 */
record OfflineStamp(List<String> from, List<String> targets) {

    static OfflineStamp parse(List<String> targets, boolean purge, RevisionGraph graph) {
        if (purge) {
            throw new MigrateException("migrate.purge cannot be combined with migrate.sql: an offline script does not"
                    + " read the version table, so it has no rows to purge. Stamp online with migrate.purge, or give the"
                    + " start as a range (for example -Dmigrate.target=<from>:<to>).");
        }
        String start = null;
        List<String> destinations = new ArrayList<>(targets.size());
        for (String target : targets) {
            int colon = target.indexOf(':');
            if (colon < 0) {
                destinations.add(target);
                continue;
            }
            String from = target.substring(0, colon).trim();
            if (start != null && !start.equals(from)) {
                throw new MigrateException("Offline stamp (migrate.sql) starts from one revision, but the ranges in"
                        + " migrate.target start from '" + start + "' and '" + from + "'. Stamp one start at a time.");
            }
            start = from;
            destinations.add(target.substring(colon + 1).trim());
        }
        // Alembic's rule: the start of an offline range names revisions without a database.
        List<String> rows = start == null || start.isEmpty() ? List.of() : graph.resolve(start);
        return new OfflineStamp(rows, List.copyOf(destinations));
    }
}
