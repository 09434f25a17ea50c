package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test fixtures that read like the graph: {@code "c <- b"} (c revises b), {@code "m <- c, d"}
 * (a merge), {@code "a"} or {@code "a <- base"} (a base), with options
 * {@code label=x,y} and {@code depends=c}. The origin of each revision is {@code test.<Id>}.
 */
final class Graphs {

    private Graphs() {
    }

    static RevisionGraph graph(String... lines) {
        return RevisionGraph.of(descriptors(lines));
    }

    static List<RevisionDescriptor> descriptors(String... lines) {
        List<RevisionDescriptor> result = new ArrayList<>();
        for (String line : lines) {
            result.add(descriptor(line));
        }
        return result;
    }

    static RevisionDescriptor descriptor(String line) {
        String[] sides = line.split("<-", 2);
        if (sides.length == 1) {
            // "a label=x": no parents, options after the id.
            String[] words = line.trim().split("\\s+", 2);
            sides = words.length == 1 ? new String[] {words[0]} : new String[] {words[0], words[1]};
        }
        String id = sides[0].trim();
        List<String> revises = new ArrayList<>();
        List<String> depends = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (sides.length > 1) {
            for (String token : sides[1].trim().split("\\s+")) {
                if (token.startsWith("label=")) {
                    labels.addAll(split(token.substring("label=".length())));
                } else if (token.startsWith("depends=")) {
                    depends.addAll(split(token.substring("depends=".length())));
                } else if (!token.equals("base") && !token.isEmpty()) {
                    revises.addAll(split(token));
                }
            }
        }
        return new RevisionDescriptor(id, revises, depends, labels, "", "test." + id);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Checks a plan: its steps ("a+ b+"), the version table afterwards (as a set, Alembic's
     * HeadMaintainer keeps a set), and that replaying the steps' changes gives headsAfter.
     */
    static void assertPlan(Plan plan, String expectedSteps, String... expectedHeadsAfter) {
        org.junit.jupiter.api.Assertions.assertEquals(expectedSteps, steps(plan));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(expectedHeadsAfter),
                java.util.Set.copyOf(plan.headsAfter()), "heads after");
        org.junit.jupiter.api.Assertions.assertEquals(plan.headsAfter(), replay(plan), "replayed changes");
    }

    /** The ids of a plan's steps with their direction, e.g. "a+ b+" or "b- a-". */
    static String steps(Plan plan) {
        StringBuilder text = new StringBuilder();
        for (PlanStep step : plan.steps()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(step.revision().id()).append(step.direction() == Direction.UP ? '+' : '-');
        }
        return text.toString();
    }

    /** Replays the plan's version changes over its heads before, as the engine would. */
    static List<String> replay(Plan plan) {
        List<String> rows = new ArrayList<>(plan.headsBefore());
        for (PlanStep step : plan.steps()) {
            for (String removed : step.versionChange().removed()) {
                if (!rows.remove(removed)) {
                    throw new AssertionError("step " + step.revision().id() + " removes " + removed
                            + " which is not a row of " + rows);
                }
            }
            for (String added : step.versionChange().added()) {
                if (rows.contains(added)) {
                    throw new AssertionError("step " + step.revision().id() + " adds " + added + " twice");
                }
                rows.add(added);
            }
        }
        return rows;
    }
}
