package dev.migrate.junit;

import dev.migrate.AppliedRevision;
import dev.migrate.RunResult;
import java.util.ArrayList;
import java.util.List;

/** Every revision's upgrade and downgrade time the checks of one test class measured. */
final class Timings {

    private final List<RevisionTiming> timings = new ArrayList<>();

    synchronized void record(RunResult result) {
        for (AppliedRevision applied : result.applied()) {
            timings.add(new RevisionTiming(applied.id(), applied.direction(), applied.duration()));
        }
    }

    synchronized List<RevisionTiming> all() {
        return List.copyOf(timings);
    }
}
