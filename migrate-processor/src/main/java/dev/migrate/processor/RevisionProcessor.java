package dev.migrate.processor;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Checks {@code @dev.migrate.annotation.Revision} classes at compile time and generates the
 * revision index the run time loads.
 *
 * <p>Each round, the annotated classes are read and their shape checked at once. When processing
 * is over, every revision is known (this compilation's, an earlier build's in the same output
 * directory, and those of dependency jars): core's {@code RevisionGraph.check} runs over all of
 * them, each problem is reported on the annotation value at fault, and, without errors, the index
 * of this module's revisions is written and registered for {@link java.util.ServiceLoader}.
 *
 * <p>Options: {@code -Amigrate.heads=single} makes several heads an error (by default, several
 * heads that no branch label tells apart are a warning). {@code -Amigrate.index=source} writes the
 * index as a source file for javac to compile instead of as class files (see {@link IndexWriter}).
 */
public final class RevisionProcessor extends AbstractProcessor {

    private Diagnostics diagnostics;
    private RevisionRounds rounds;
    private boolean failed;

    /** Called by javac through {@link java.util.ServiceLoader}. */
    public RevisionProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        diagnostics = new Diagnostics(processingEnv.getMessager());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(RevisionAnnotation.NAME, AllowUnsafeChecks.NAME, AllowUnsafeChecks.CONTAINER);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return ProcessorOptions.SUPPORTED;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Claims {@code @Revision} and {@code @AllowUnsafe}: they are migrate's own annotations, and an unclaimed annotation makes
     * javac warn under {@code -Xlint:all}, which fails a user's {@code -Werror} build.
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        if (failed) {
            return false;
        }
        try {
            if (rounds == null) {
                rounds = new RevisionRounds(processingEnv, diagnostics);
            }
            if (roundEnv.processingOver()) {
                rounds.finish();
                return true;
            }
            // javac names the annotations of ours that this round's classes carry; each lookup below
            // walks every element of the round, so one whose annotation is absent is skipped.
            Set<String> present = new HashSet<>();
            for (TypeElement annotation : annotations) {
                present.add(annotation.getQualifiedName().toString());
            }
            if (present.contains(AllowUnsafeChecks.NAME) || present.contains(AllowUnsafeChecks.CONTAINER)) {
                new AllowUnsafeChecks(processingEnv.getElementUtils(), diagnostics).check(roundEnv);
            }
            if (present.contains(RevisionAnnotation.NAME)) {
                rounds.collect(roundEnv);
            }
        } catch (RuntimeException | LinkageError e) {
            // One error with the trace instead of javac's crash report, and no follow-up errors.
            failed = true;
            diagnostics.unexpected(e);
            closeIndexQuietly();
        }
        return true;
    }

    private void closeIndexQuietly() {
        try {
            if (rounds != null) {
                rounds.abandon();
            }
        } catch (RuntimeException ignored) {
            // The first failure is already reported; this one would only repeat it.
        }
    }
}
