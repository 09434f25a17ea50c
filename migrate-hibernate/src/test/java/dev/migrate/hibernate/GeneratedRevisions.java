package dev.migrate.hibernate;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.OperationReplay;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** What the round-trip tests share: a generated revision applied as the plugin's source would, and schema reads. */
final class GeneratedRevisions {

    /** migrate's own tables, never part of a compared schema. */
    static final List<String> BOOKKEEPING = List.of("migrate_version", "migrate_history", "migrate_lock", "migrate_progress");

    private GeneratedRevisions() {
    }

    /**
     * A migration whose upgrade and downgrade replay {@code result}'s operations through
     * {@link OperationReplay}: the very calls the plugin's generated revision source makes.
     */
    static Migration replaying(AutogenerateResult result) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) {
                OperationReplay.replay(result.upgrade(), op);
            }

            @Override
            public void downgrade(Operations op) {
                OperationReplay.replay(result.downgrade(), op);
            }
        };
    }

    /** Revision {@code id} on top of {@code parent} (null: the first), replaying {@code result}. */
    static IndexedRevision revision(String id, String parent, String message, AutogenerateResult result) {
        return new IndexedRevision(new RevisionDescriptor(id, parent == null ? List.of() : List.of(parent), List.of(),
                List.of(), message, "test.Rev_" + id), () -> replaying(result));
    }

    /** The schema at {@code url} (its connection's default schema), migrate's own tables left out. */
    static SchemaSnapshot snapshot(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return Dialects.introspectorForUrl(url).snapshot(connection, null).withoutTables(BOOKKEEPING);
        }
    }
}
