package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.InterruptedRevision;
import dev.migrate.graph.Direction;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warning {@code migrate:current} gives for a revision a run stopped inside (MariaDB's DDL committed
 * before a failure, a lost connection or {@code kill -9}): the version table alone would show the
 * revision before it, as if nothing of this one had happened.
 */
class CurrentInterruptedTest {

    private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(
            new RevisionDescriptor("a1", List.of(), List.of(), List.of(), "create t1", "fm.db.R1"),
            new RevisionDescriptor("b2", List.of("a1"), List.of(), List.of(), "slow one", "fm.db.R2")));

    @Test
    void anUpgradeStoppedInsideARevisionSaysWhatTookEffectAndThatUpgradeResumesIt() {
        assertEquals("Revision b2 (slow one) is partly applied: an upgrade got through its first 2 step(s), which took"
                + " effect for good, and the version table does not claim it. Unless that upgrade is still running, it"
                + " stopped there (it failed, lost its connection or was killed), and `mvn migrate:upgrade` resumes it at"
                + " step 3 while those steps are unchanged.",
                CurrentMojo.interrupted(GRAPH, new InterruptedRevision("b2", Direction.UP, 2)));
    }

    @Test
    void aDowngradeIsResumedByDowngradeAndAnUnknownRevisionIsNamedSo() {
        assertEquals("Revision zz (a revision the code does not know) is partly applied: a downgrade got through its first"
                + " 1 step(s), which took effect for good, and the version table still names it as applied. Unless that"
                + " downgrade is still running, it stopped there (it failed, lost its connection or was killed), and"
                + " `mvn migrate:downgrade` resumes it at step 2 while those steps are unchanged.",
                CurrentMojo.interrupted(GRAPH, new InterruptedRevision("zz", Direction.DOWN, 1)));
    }

    @Test
    void theJsonReportListsItWithItsDirectionAndStepsDone() throws Exception {
        assertEquals("{\"id\":\"zz\",\"direction\":\"down\",\"stepsDone\":1}",
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                        JsonReports.InterruptedJson.of(new InterruptedRevision("zz", Direction.DOWN, 1))));
    }
}
