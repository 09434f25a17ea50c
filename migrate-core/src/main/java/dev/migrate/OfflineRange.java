package dev.migrate;

import dev.migrate.graph.RevisionGraph;
import java.util.List;

/** An offline start and target: {@code from:to}, or base to {@code target}. */
record OfflineRange(List<String> from, String to) {

    static OfflineRange parse(String target, boolean required, RevisionGraph graph) {
        int colon = target == null ? -1 : target.indexOf(':');
        if (colon < 0) {
            if (required) {
                throw new MigrateException("Offline downgrade needs a range 'from:to' (migrate.target=" + target
                        + "), because no database is read to know where to start; for example"
                        + " -Dmigrate.target=head:base or -Dmigrate.target=<revision>:-1.");
            }
            return new OfflineRange(List.of(), target);
        }
        String from = target.substring(0, colon);
        String to = target.substring(colon + 1);
        // Alembic's rule: the start of an offline range names revisions without a database.
        List<String> start = from.isEmpty() ? List.of() : graph.resolve(from);
        return new OfflineRange(start, to);
    }
}
