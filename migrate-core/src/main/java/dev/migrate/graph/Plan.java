package dev.migrate.graph;

import java.util.List;

/**
 * An ordered list of steps taking the version table from {@code headsBefore} to {@code headsAfter}.
 * An empty plan means the database is already at the target.
 */
public record Plan(Direction direction, List<String> headsBefore, List<PlanStep> steps, List<String> headsAfter) {

    public Plan {
        headsBefore = List.copyOf(headsBefore);
        steps = List.copyOf(steps);
        headsAfter = List.copyOf(headsAfter);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
