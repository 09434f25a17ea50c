package dev.migrate;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.testing.LambdaMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Revisions for Migrator tests, written as lambdas instead of annotated classes. */
final class RevisionList {

    private final List<IndexedRevision> revisions = new ArrayList<>();

    /** A revision revising {@code parents} (comma-separated, empty for a base). */
    RevisionList add(String id, String parents, Consumer<Operations> up, Consumer<Operations> down) {
        List<String> revises = parents.isEmpty() ? List.of() : List.of(parents.split(","));
        RevisionDescriptor descriptor = new RevisionDescriptor(id, revises, List.of(), List.of(), "rev " + id,
                "com.example.Rev_" + id);
        revisions.add(new IndexedRevision(descriptor, () -> new LambdaMigration(up, down)));
        return this;
    }

    /** A revision that only executes {@code up}/{@code down} SQL. */
    RevisionList sql(String id, String parents, String up, String down) {
        return add(id, parents, op -> op.execute(up), op -> op.execute(down));
    }

    List<IndexedRevision> all() {
        return List.copyOf(revisions);
    }
}
