package dev.migrate.engine;

import dev.migrate.Operations;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.VersionChange;
import dev.migrate.index.IndexedRevision;
import dev.migrate.testing.LambdaMigration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Builds revisions from lambdas and linear plans by hand, so engine tests need no graph. */
final class TestRevisions {

    private final Map<String, IndexedRevision> revisions = new LinkedHashMap<>();

    /** Adds a revision whose parent is {@code parent} (null for a base). */
    TestRevisions add(String id, String parent, Consumer<Operations> up, Consumer<Operations> down) {
        List<String> revises = parent == null ? List.of() : List.of(parent);
        RevisionDescriptor descriptor = new RevisionDescriptor(id, revises, List.of(), List.of(), "create " + id,
                "com.example.Rev_" + id);
        revisions.put(id, new IndexedRevision(descriptor, () -> new LambdaMigration(up, down)));
        return this;
    }

    List<IndexedRevision> all() {
        return List.copyOf(revisions.values());
    }

    Function<String, IndexedRevision> lookup() {
        return revisions::get;
    }

    /** Upgrade through {@code ids} (a linear chain) starting at {@code from} (null = base). */
    Plan up(String from, String... ids) {
        List<PlanStep> steps = new ArrayList<>();
        String previous = from;
        for (String id : ids) {
            steps.add(new PlanStep(revisions.get(id).descriptor(), Direction.UP,
                    new VersionChange(previous == null ? List.of() : List.of(previous), List.of(id))));
            previous = id;
        }
        return new Plan(Direction.UP, from == null ? List.of() : List.of(from), steps, previous == null ? List.of() : List.of(previous));
    }

    /** Upgrade along the linear {@code chain} from whichever of its revisions {@code heads} holds (none = base). */
    Plan upFrom(List<String> heads, String... chain) {
        List<String> ids = List.of(chain);
        int start = heads.isEmpty() ? 0 : ids.indexOf(heads.get(0)) + 1;
        String from = heads.isEmpty() ? null : heads.get(0);
        return up(from, ids.subList(start, ids.size()).toArray(String[]::new));
    }

    /** Downgrade from the last of {@code ids} back through the chain; each step's parent becomes the head. */
    Plan down(String... ids) {
        List<PlanStep> steps = new ArrayList<>();
        for (String id : ids) {
            List<String> parents = revisions.get(id).descriptor().revises();
            steps.add(new PlanStep(revisions.get(id).descriptor(), Direction.DOWN, new VersionChange(List.of(id), parents)));
        }
        List<String> after = revisions.get(ids[ids.length - 1]).descriptor().revises();
        return new Plan(Direction.DOWN, List.of(ids[0]), steps, after);
    }

    /**
     * Revisions {@code ids} in a chain, each logging its id into table {@code log} (its name quoted
     * with {@code quote}, the dialect's identifier quote); the first runs {@code first} too, inside its
     * transaction, where a test holds it to act on the running revision.
     */
    static TestRevisions logging(String quote, String log, Runnable first, String... ids) {
        TestRevisions revisions = new TestRevisions();
        String parent = null;
        for (String id : ids) {
            boolean isFirst = parent == null;
            revisions.add(id, parent, op -> {
                if (isFirst) {
                    op.withConnection(c -> first.run());
                }
                op.execute("INSERT INTO " + quote + log + quote + " (" + quote + "revision" + quote + ") VALUES (?)", id);
            }, op -> { });
            parent = id;
        }
        return revisions;
    }
}
