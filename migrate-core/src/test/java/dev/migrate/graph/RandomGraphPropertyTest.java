package dev.migrate.graph;

import static dev.migrate.graph.Graphs.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random graphs with branches, merges, several bases and dependencies. The seed is printed;
 * rerun a failure with {@code -Dgraph.seed=<seed>}.
 */
class RandomGraphPropertyTest {

    private static final int GRAPHS = Integer.getInteger("graph.count", 60);

    @Test
    void upgradeHeadsThenDowngradeBaseWalksEveryRevisionOnceEachWay() {
        long seed = Long.getLong("graph.seed", System.nanoTime());
        System.out.println("RandomGraphPropertyTest seed: " + seed + " (rerun with -Dgraph.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int i = 0; i < GRAPHS; i++) {
            List<RevisionDescriptor> revisions = randomGraph(random, 1 + random.nextInt(150));
            String context = "seed " + seed + ", graph " + i;
            RevisionGraph graph = RevisionGraph.of(revisions);
            assertTopological(revisions, graph.revisions(), context);
            Plan up = graph.upgradePlan(List.of(), "heads");
            assertWalk(revisions, up, Direction.UP, context);
            assertEquals(realHeads(revisions), Set.copyOf(up.headsAfter()), context + ": rows after upgrade heads");
            Plan down = graph.downgradePlan(up.headsAfter(), "base");
            assertWalk(revisions, down, Direction.DOWN, context);
            assertEquals(List.of(), down.headsAfter(), context);
            assertPartialRoundTrip(graph, revisions, random, context);
        }
    }

    /** Upgrading to one revision applies exactly its ancestors; going back to base removes them again. */
    private static void assertPartialRoundTrip(RevisionGraph graph, List<RevisionDescriptor> revisions, Random random,
            String context) {
        String target = revisions.get(random.nextInt(revisions.size())).id();
        Plan up = graph.upgradePlan(List.of(), target);
        Set<String> expected = new HashSet<>(graph.ancestors(target));
        expected.add(target);
        Set<String> applied = new HashSet<>();
        up.steps().forEach(s -> applied.add(s.revision().id()));
        assertEquals(expected, applied, context + ": upgrade " + target);
        assertEquals(up.headsAfter(), replay(up), context);
        Plan rest = graph.upgradePlan(up.headsAfter(), "heads");
        assertEquals(revisions.size(), up.steps().size() + rest.steps().size(), context + ": rest of the way up");
        assertEquals(rest.headsAfter(), replay(rest), context);
        Plan down = graph.downgradePlan(rest.headsAfter(), "base");
        assertEquals(revisions.size(), down.steps().size(), context);
        assertEquals(List.of(), replay(down), context);
    }

    private static void assertWalk(List<RevisionDescriptor> revisions, Plan plan, Direction direction, String context) {
        Map<String, Integer> position = new HashMap<>();
        for (PlanStep step : plan.steps()) {
            assertEquals(direction, step.direction(), context);
            Integer before = position.put(step.revision().id(), position.size());
            assertEquals(null, before, context + ": " + step.revision().id() + " twice");
        }
        assertEquals(revisions.size(), position.size(), context + ": every revision once");
        Map<String, String> labelOwner = new HashMap<>();
        revisions.forEach(r -> r.branchLabels().forEach(l -> labelOwner.put(l, r.id())));
        for (RevisionDescriptor revision : revisions) {
            List<String> earlier = new ArrayList<>(revision.revises());
            revision.dependsOn().forEach(d -> earlier.add(labelOwner.getOrDefault(d, d)));
            for (String parent : earlier) {
                boolean parentFirst = position.get(parent) < position.get(revision.id());
                assertTrue(direction == Direction.UP ? parentFirst : !parentFirst,
                        context + ": " + parent + " and " + revision.id() + " in the wrong order for " + direction);
            }
        }
        assertEquals(plan.headsAfter(), replay(plan), context + ": replayed version changes");
    }

    /** {@link RevisionGraph#revisions()} lists parents and dependencies before their children. */
    private static void assertTopological(List<RevisionDescriptor> input, List<RevisionDescriptor> order, String context) {
        Map<String, Integer> position = new HashMap<>();
        order.forEach(r -> position.put(r.id(), position.size()));
        assertEquals(input.size(), position.size(), context);
        Map<String, String> labelOwner = new HashMap<>();
        input.forEach(r -> r.branchLabels().forEach(l -> labelOwner.put(l, r.id())));
        for (RevisionDescriptor revision : input) {
            List<String> earlier = new ArrayList<>(revision.revises());
            revision.dependsOn().forEach(d -> earlier.add(labelOwner.getOrDefault(d, d)));
            for (String before : earlier) {
                assertTrue(position.get(before) < position.get(revision.id()), context + ": revisions() order");
            }
        }
    }

    private static Set<String> realHeads(List<RevisionDescriptor> revisions) {
        Set<String> heads = new HashSet<>();
        revisions.forEach(r -> heads.add(r.id()));
        Map<String, String> labelOwner = new HashMap<>();
        revisions.forEach(r -> r.branchLabels().forEach(l -> labelOwner.put(l, r.id())));
        for (RevisionDescriptor revision : revisions) {
            revision.revises().forEach(heads::remove);
            revision.dependsOn().forEach(d -> heads.remove(labelOwner.getOrDefault(d, d)));
        }
        return heads;
    }

    /** Mostly lines, with branches (5%), merges (5%), new bases (2%), dependencies (4%) and labels (3%). */
    static List<RevisionDescriptor> randomGraph(Random random, int size) {
        List<RevisionDescriptor> result = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "r" + i;
            List<String> parents = new ArrayList<>();
            double roll = random.nextDouble();
            if (i == 0 || roll < 0.02) {
                // a new base
            } else if (roll < 0.07) {
                parents.add(result.get(random.nextInt(result.size())).id());
            } else if (roll < 0.12 && heads.size() >= 2) {
                int first = random.nextInt(heads.size());
                int second = (first + 1 + random.nextInt(heads.size() - 1)) % heads.size();
                parents.add(heads.get(first));
                parents.add(heads.get(second));
            } else {
                parents.add(heads.isEmpty() ? result.get(i - 1).id() : heads.get(random.nextInt(heads.size())));
            }
            List<String> depends = new ArrayList<>();
            if (i > 1 && random.nextDouble() < 0.04) {
                RevisionDescriptor dependency = result.get(random.nextInt(result.size()));
                depends.add(dependency.branchLabels().isEmpty() ? dependency.id() : dependency.branchLabels().get(0));
            }
            List<String> labels = random.nextDouble() < 0.03 ? List.of("label" + i) : List.of();
            heads.removeAll(parents);
            heads.add(id);
            result.add(new RevisionDescriptor(id, parents, depends, labels, "", "random." + id));
        }
        return result;
    }
}
