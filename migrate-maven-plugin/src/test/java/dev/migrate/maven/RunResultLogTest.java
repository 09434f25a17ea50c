package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The summary line of a run that had nothing to do. */
class RunResultLogTest {

    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }
    }

    @Test
    void nothingToDoNamesTheRevisionOnce() {
        RecordingLog log = new RecordingLog();
        RunResult none = new RunResult(List.of(), List.of("0a5e1d2c3b4f"), List.of("0a5e1d2c3b4f"));
        RunResultLog.log(log, "downgrade", "0a5e1d2c3b4f", none);
        RunResultLog.log(log, "upgrade", null, none);
        assertEquals(List.of("Nothing to downgrade: the database is already at 0a5e1d2c3b4f.",
                "Nothing to upgrade: the database is already at head (0a5e1d2c3b4f)."), log.lines);
    }

    @Test
    void anUpgradeToTheRevisionTheDatabaseIsAtSaysItIsThereWithoutSuggestingADowngrade() {
        // What each of several runs started at once with the same target logs after waiting for the first.
        RecordingLog log = new RecordingLog();
        RunResult none = new RunResult(List.of(), List.of("c3c3c3c3c3c3"), List.of("c3c3c3c3c3c3"));
        RunResultLog.log(log, "upgrade", "c3c3c3c3c3c3", none);
        RunResultLog.log(log, "upgrade", "c3c3", none);
        RunResultLog.log(log, "upgrade", "b2b2b2b2b2b2", none);
        assertEquals(List.of("Nothing to upgrade: the database is already at c3c3c3c3c3c3.",
                "Nothing to upgrade: the database is already at c3c3 (c3c3c3c3c3c3).",
                "Nothing to upgrade: target 'b2b2b2b2b2b2' is already applied; the database is at c3c3c3c3c3c3. To go back"
                        + " to it, use migrate:downgrade -Dmigrate.target=b2b2b2b2b2b2."), log.lines);
    }
}
