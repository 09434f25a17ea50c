package dev.migrate.junit;

import dev.migrate.RunResult;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.graph.RevisionDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * The stairway test (pytest-alembic's up/down consistency): for each revision in order, upgrade
 * to it, downgrade one step, upgrade again, and compare schema snapshots, so that the revision
 * whose downgrade fails or does not undo its upgrade is named.
 */
final class Stairway {

    private final DatabaseSession session;
    private final Timings timings;

    Stairway(DatabaseSession session, Timings timings) {
        this.session = session;
        this.timings = timings;
    }

    /** Runs every revision's step, parents first. */
    void climb() {
        for (RevisionDescriptor revision : session.revisions().graph().revisions()) {
            step(revision);
        }
    }

    /** Upgrade to {@code revision}, downgrade one step, upgrade again; every revision before it is applied. */
    void step(RevisionDescriptor revision) {
        String name = RevisionSet.describe(revision);
        SchemaSnapshot before = session.snapshot();
        List<String> headsBefore = session.current();
        run(() -> session.upgrade(revision.id()), "Revision " + name + " fails to upgrade");
        SchemaSnapshot upgraded = session.snapshot();
        String downTarget = downgradeTarget(revision);
        run(() -> session.downgrade(downTarget), "Revision " + name + " cannot be downgraded (downgrade to " + downTarget
                + ")", "Make its downgrade() undo its upgrade().");
        // Only when the downgrade went exactly one step back is "before" the state to compare with; a downgrade
        // to a branch point also removes sibling branches, and the second upgrade below still checks this revision.
        if (sameHeads(session.current(), headsBefore)) {
            SchemaSnapshot downgraded = session.snapshot();
            if (!downgraded.equals(before)) {
                throw new AssertionFailedError("Revision " + name + ": downgrade does not undo its upgrade. The schema after"
                        + " downgrading to " + downTarget + " differs from the schema before the upgrade"
                        + " (+ left behind by the downgrade, - missing after it):" + System.lineSeparator() + before.diff(downgraded));
            }
        }
        run(() -> session.upgrade(revision.id()), "Revision " + name + " fails to upgrade again after its own downgrade",
                "Its downgrade() probably leaves behind something its upgrade() creates.");
        // Bring back sibling branches a downgrade to a branch point removed, so the schemas compare like for like.
        for (String head : headsBefore) {
            session.upgrade(head);
        }
        SchemaSnapshot again = session.snapshot();
        if (!again.equals(upgraded)) {
            throw new AssertionFailedError("Revision " + name + ": upgrading again after its downgrade gives a different schema"
                    + " than the first upgrade (- first upgrade only, + second upgrade only):" + System.lineSeparator()
                    + upgraded.diff(again));
        }
    }

    /** The revision's parent; {@code base} for a base revision. A merge steps back to its first parent. */
    private static String downgradeTarget(RevisionDescriptor revision) {
        return revision.revises().isEmpty() ? "base" : revision.revises().get(0);
    }

    private static boolean sameHeads(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    private void run(Supplier<RunResult> action, String failure) {
        run(action, failure, "");
    }

    private void run(Supplier<RunResult> action, String failure, String advice) {
        RunResult result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            throw new AssertionFailedError(failure + ": " + e.getMessage() + (advice.isEmpty() ? "" : " " + advice), e);
        }
        timings.record(result);
    }
}
