package dev.migrate.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of steps taking the version table from {@code headsBefore} to {@code headsAfter}.
 * An empty plan means the database is already at the target. {@code warnings} are lines to report
 * before running it: the target was ambiguous, and the plan follows Alembic's choice (for example
 * {@code downgrade -1} from several heads).
 */
public record Plan(Direction direction, List<String> headsBefore, List<PlanStep> steps, List<String> headsAfter,
        List<String> warnings) {

    public Plan {
        headsBefore = List.copyOf(headsBefore);
        steps = List.copyOf(steps);
        headsAfter = List.copyOf(headsAfter);
        warnings = List.copyOf(warnings);
    }

    /** A plan without warnings. */
    public Plan(Direction direction, List<String> headsBefore, List<PlanStep> steps, List<String> headsAfter) {
        this(direction, headsBefore, steps, headsAfter, List.of());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** This plan with one more warning. */
    Plan withWarning(String warning) {
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return new Plan(direction, headsBefore, steps, headsAfter, all);
    }
}
