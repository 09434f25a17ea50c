package dev.migrate.junit;

import dev.migrate.graph.RevisionDescriptor;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * The stairway of {@link MigrationChecks#perRevision()}, one dynamic test per step: the database
 * is created by the first step and dropped after the last one; once a step failed, the later steps
 * abort instead of failing for a reason that is not theirs.
 */
final class StairwayRun {

    private final Supplier<DatabaseSession> scratch;
    private final Timings timings;
    private final int steps;
    private DatabaseSession session;
    private Stairway stairway;
    private String failed;
    private int done;

    StairwayRun(Supplier<DatabaseSession> scratch, Timings timings, int steps) {
        this.scratch = scratch;
        this.timings = timings;
        this.steps = steps;
    }

    synchronized void step(RevisionDescriptor revision) {
        try {
            if (failed != null) {
                throw new TestAbortedException("Not run: the stairway step of revision " + failed + " failed before it.");
            }
            if (stairway == null) {
                session = scratch.get();
                stairway = new Stairway(session, timings);
            }
            stairway.step(revision);
        } catch (AssertionError | RuntimeException e) {
            if (failed == null && !(e instanceof TestAbortedException)) {
                failed = revision.id();
            }
            throw e;
        } finally {
            done++;
            if (done == steps && session != null) {
                session.close();
            }
        }
    }
}
