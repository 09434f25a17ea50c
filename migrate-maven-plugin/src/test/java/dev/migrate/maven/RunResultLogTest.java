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
}
