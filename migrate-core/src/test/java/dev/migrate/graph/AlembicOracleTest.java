package dev.migrate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays a corpus of Alembic's own answers through {@link RevisionGraph}: random graphs with
 * branches, merges, several bases, depends_on and branch labels; upgrade, downgrade and stamp from
 * version tables Alembic itself left, to every kind of target (head, heads, base, ids, prefixes,
 * {@code +N}, {@code -N}, {@code rev@+N}, {@code label@head}, ...). The corpus was written by
 * {@code tools/alembic-oracle/oracle.py} running Alembic's RevisionMap and HeadMaintainer; each case
 * must give the same steps in the same order and the same version table, or be refused where
 * Alembic refuses. Cases where Alembic itself fails (an internal assert) are only required to end in
 * a clear {@link MigrateException} or an answer, never another exception. One difference is
 * deliberate: from a version table where one row lies below another (which Alembic's own
 * downgrade can write), Alembic refuses to upgrade ("overlaps with other requested revisions")
 * and migrate plans the upgrade. History ranges ({@code history -r lower:upper} without a
 * database) must list what Alembic lists; where Alembic refuses a range (a count past base, heads
 * that overlap, a range cut across a merge) migrate may list it instead, in few cases. Rerun with {@code -Doracle.dump=FILE} to get every mismatch in
 * a file.
 */
class AlembicOracleTest {

    @Test
    void everyCaseOfTheCorpusGivesAlembicsAnswer() throws IOException {
        JsonNode corpus = corpus();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int overlapping = 0;
        int historyCompared = 0;
        int lenient = 0;
        int graphIndex = 0;
        for (JsonNode graphNode : corpus.get("graphs")) {
            String where = "graph " + graphIndex++;
            RevisionGraph graph = RevisionGraph.of(revisions(graphNode.get("revisions")));
            check(mismatches, where + " heads", strings(graphNode.get("heads")), new ArrayList<>(new TreeSet<>(graph.heads())));
            check(mismatches, where + " bases", strings(graphNode.get("bases")), new ArrayList<>(new TreeSet<>(graph.bases())));
            check(mismatches, where + " history base:heads", strings(graphNode.get("history")),
                    graph.history("base:heads", List.of()).stream().map(RevisionDescriptor::id).toList());
            for (JsonNode c : graphNode.path("historyCases")) {
                historyCompared++;
                String range = c.get("range").asText();
                String actual = history(graph, range);
                if (c.has("alembicFailed")) {
                    continue; // no answer to compare with; history() already required a clean one
                }
                if (c.has("refusal")) {
                    // Deliberately lenient: where Alembic's walk gives up (a count past base, heads
                    // that overlap), migrate lists what the range reaches.
                    lenient += actual.equals("refused") ? 0 : 1;
                    continue;
                }
                String expected = strings(c.get("ids")).toString();
                if (!expected.equals(actual)) {
                    mismatches.add(where + " history " + range + "\n      alembic: " + expected + "\n      migrate: " + actual);
                }
            }
            for (JsonNode c : graphNode.get("cases")) {
                compared++;
                String name = where + " " + describe(c);
                String expected = expected(c);
                String actual = actual(graph, c);
                if (c.has("alembicFailed")) {
                    continue; // Alembic has no answer to compare with; actual() already required a clean one.
                }
                if (refusesOverlappingRows(c)) {
                    // Deliberate difference: Alembic's own downgrade can leave a row below another row
                    // (see VersionTableReplay); Alembic then refuses every upgrade from that table,
                    // migrate plans from it.
                    overlapping++;
                    if (actual.equals("refused")) {
                        mismatches.add(name + "\n      migrate refuses a table with a row below another row");
                    }
                    continue;
                }
                if (!expected.equals(actual)) {
                    mismatches.add(name + "\n      alembic: " + expected + "\n      migrate: " + actual);
                }
            }
        }
        if (System.getProperty("oracle.dump") != null) {
            Files.write(Path.of(System.getProperty("oracle.dump")), mismatches);
        }
        assertTrue(compared > 1_000, "the corpus holds " + compared + " cases");
        assertTrue(overlapping < compared / 100, overlapping + " cases were set aside as overlapping rows");
        assertTrue(historyCompared > 1_000, "the corpus holds " + historyCompared + " history ranges");
        assertTrue(lenient < historyCompared / 20, lenient + " history ranges Alembic refuses were listed");
        assertEquals("", String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size()))),
                mismatches.size() + " of " + compared + " cases differ from Alembic " + corpus.get("alembic").asText());
    }

    private static boolean refusesOverlappingRows(JsonNode c) {
        return c.has("refusal") && c.get("refusal").asText().contains("overlaps with other requested revisions");
    }

    private static String expected(JsonNode c) {
        if (c.has("alembicFailed") || c.get("heads").isNull()) {
            return "refused";
        }
        String heads = "heads " + strings(c.get("heads"));
        return c.has("steps") ? "steps " + strings(c.get("steps")) + ", " + heads : heads;
    }

    private static String actual(RevisionGraph graph, JsonNode c) {
        List<String> current = strings(c.get("current"));
        try {
            return switch (c.get("kind").asText()) {
                case "upgrade" -> describe(graph.upgradePlan(current, c.get("target").asText()));
                case "downgrade" -> describe(graph.downgradePlan(current, c.get("target").asText()));
                case "stamp" -> {
                    VersionChange change = graph.stamp(current, strings(c.get("targets")), false);
                    Set<String> rows = new TreeSet<>(current);
                    rows.removeAll(change.removed());
                    rows.addAll(change.added());
                    yield "heads " + new ArrayList<>(rows);
                }
                default -> throw new IllegalArgumentException("unknown case kind " + c.get("kind"));
            };
        } catch (MigrateException refused) {
            return "refused";
        }
    }

    private static String history(RevisionGraph graph, String range) {
        try {
            return graph.history(range, List.of()).stream().map(RevisionDescriptor::id).toList().toString();
        } catch (MigrateException refused) {
            return "refused";
        }
    }

    private static String describe(Plan plan) {
        List<String> steps = plan.steps().stream()
                .map(s -> s.revision().id() + (s.direction() == Direction.UP ? "+" : "-"))
                .toList();
        return "steps " + steps + ", heads " + new ArrayList<>(new TreeSet<>(plan.headsAfter()));
    }

    private static String describe(JsonNode c) {
        String target = c.has("target") ? c.get("target").asText() : strings(c.get("targets")).toString();
        return c.get("kind").asText() + " " + target + " from " + strings(c.get("current"));
    }

    private static void check(List<String> mismatches, String name, List<String> expected, List<String> actual) {
        if (!expected.equals(actual)) {
            mismatches.add(name + "\n      alembic: " + expected + "\n      migrate: " + actual);
        }
    }

    private static List<RevisionDescriptor> revisions(JsonNode list) {
        List<RevisionDescriptor> result = new ArrayList<>();
        for (JsonNode r : list) {
            String id = r.get("id").asText();
            result.add(new RevisionDescriptor(id, strings(r.get("revises")), strings(r.get("dependsOn")),
                    strings(r.get("labels")), "", "oracle.R" + id));
        }
        return result;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    private static JsonNode corpus() throws IOException {
        try (InputStream in = AlembicOracleTest.class.getResourceAsStream("/alembic-oracle/cases.json.gz")) {
            if (in == null) {
                throw new IOException("alembic-oracle/cases.json.gz is missing from the test resources");
            }
            return new ObjectMapper().readTree(new GZIPInputStream(in));
        }
    }
}
