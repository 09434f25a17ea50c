package dev.migrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrate.processor.Sources.javac;
import static dev.migrate.processor.Sources.revision;
import static dev.migrate.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure inside the processor becomes one error with its stack trace, not a javac crash. */
class UnexpectedFailureTest {

    @Test
    void failureBecomesOneErrorWithTheStackTrace() {
        // A hand-written class where the processor must write its index: the Filer refuses.
        String index = IndexNaming.indexName(List.of("test.A")).simpleName();
        Compilation compilation = javac().compile(
                revision("A", "@Revision(id = \"a1\")"),
                source("dev.migrate.generated." + index,
                        "package dev.migrate.generated;",
                        "public final class " + index + " {",
                        "}"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("migrate-processor failed unexpectedly; please report this "
                + "with the stack trace: java.io.UncheckedIOException: Cannot create the revision index "
                + "dev.migrate.generated." + index);
        assertThat(compilation).hadErrorContaining("at dev.migrate.processor.IndexWriter.create");
    }
}
