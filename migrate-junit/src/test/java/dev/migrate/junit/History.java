package dev.migrate.junit;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import java.util.ArrayList;
import java.util.List;

/** Builds a revision history from SQL text, so each test can describe a history built to fail one check. */
final class History {

    private final List<IndexedRevision> revisions = new ArrayList<>();

    static History create() {
        return new History();
    }

    /** A revision revising {@code parents} (none: a base) whose upgrade and downgrade run the given SQL. */
    History revision(String id, List<String> parents, List<String> upgrade, List<String> downgrade) {
        RevisionDescriptor descriptor = new RevisionDescriptor(id, parents, List.of(), List.of(), "step " + id,
                "com.example.migrations.Rev_" + id);
        revisions.add(new IndexedRevision(descriptor, () -> new SqlMigration(upgrade, downgrade)));
        return this;
    }

    /** A revision of {@code database}'s history whose upgrade and downgrade each run one statement. */
    History revisionIn(String database, String id, String parent, String upgrade, String downgrade) {
        RevisionDescriptor descriptor = new RevisionDescriptor(id, parent == null ? List.of() : List.of(parent), List.of(),
                List.of(), "step " + id, "com.example.migrations.Rev_" + id, database);
        revisions.add(new IndexedRevision(descriptor, () -> new SqlMigration(List.of(upgrade), List.of(downgrade))));
        return this;
    }

    /** A revision whose upgrade and downgrade each run one statement. */
    History revision(String id, String parent, String upgrade, String downgrade) {
        return revision(id, parent == null ? List.of() : List.of(parent), List.of(upgrade), List.of(downgrade));
    }

    List<IndexedRevision> revisions() {
        return List.copyOf(revisions);
    }

    /** The revisions as {@code MigrationChecks} receives them. */
    RevisionSet set() {
        return new RevisionSet(revisions, "the test history");
    }

    /** A migration that runs SQL text. */
    private static final class SqlMigration implements Migration {
        private final List<String> upgrade;
        private final List<String> downgrade;

        SqlMigration(List<String> upgrade, List<String> downgrade) {
            this.upgrade = upgrade;
            this.downgrade = downgrade;
        }

        @Override
        public void upgrade(Operations op) {
            upgrade.forEach(op::execute);
        }

        @Override
        public void downgrade(Operations op) {
            downgrade.forEach(op::execute);
        }
    }
}
