package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.MigrateException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The build's failure line is the message alone, whatever its cause says; the trace keeps the cause. */
class TraceOnlyTest {

    @Test
    void mavenPrintsTheMessageAloneAndTheTraceKeepsTheCause() {
        // What SnakeYAML says of an unclosed flow sequence: several lines, a caret under the column.
        RuntimeException parser = new IllegalStateException("while parsing a flow sequence\n in 'reader', line 4,"
                + " column 15:\n        naming: [unclosed\n                ^\nexpected ',' or ']'",
                new java.io.IOException("stream closed"));
        String line = "classpath:application.yml is not valid YAML: while parsing a flow sequence (line 4). Fix the file.";
        MigrateException failure = new MigrateException(line, parser);

        MojoFailureException untouched = new MojoFailureException(line, failure);
        assertTrue(new DefaultExceptionHandler().handleException(untouched).getMessage().contains("stream closed"),
                "without TraceOnly Maven appends the causes' messages");

        MojoFailureException shown = new MojoFailureException(line, TraceOnly.of(line, failure));
        assertEquals(line, new DefaultExceptionHandler().handleException(shown).getMessage());

        StringWriter trace = new StringWriter();
        shown.printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains("Caused by: " + failure), trace.toString());
        assertTrue(trace.toString().contains("Caused by: java.lang.IllegalStateException: while parsing a flow sequence"),
                trace.toString());
        assertTrue(trace.toString().contains("Caused by: java.io.IOException: stream closed"), trace.toString());
        assertTrue(trace.toString().contains("at " + getClass().getName()), "the original frames: " + trace);
    }
}
