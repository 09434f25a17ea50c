package dev.migrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.javac;
import static dev.migrate.processor.Sources.revision;
import static dev.migrate.processor.Sources.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** A failure inside the processor becomes one error with its stack trace, not a javac crash. */
class UnexpectedFailureTest {

    @Test
    void failureBecomesOneErrorWithTheStackTrace() {
        // A hand-written class where the processor must write a marker: the Filer refuses.
        Compilation compilation = javac().compile(
                revision("A", "@Revision(id = \"a1\")"),
                source("dev.migrate.generated.revisions.test_A",
                        "package dev.migrate.generated.revisions;",
                        "public final class test_A {",
                        "}"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("migrate-processor failed unexpectedly; please report this "
                + "with the stack trace: java.io.UncheckedIOException: Cannot write the marker of test.A");
        assertThat(compilation).hadErrorContaining("at dev.migrate.processor.RevisionMarkers.write");
    }
}
