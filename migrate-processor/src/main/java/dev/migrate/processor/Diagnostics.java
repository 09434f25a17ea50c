package dev.migrate.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports errors and warnings and counts the errors (AutoValue's {@code ErrorReporter} role). A
 * message can point at an element, at its {@code @Revision} annotation, or at one value inside it
 * (MapStruct's five-argument form), so that javac prints the file and line of that value.
 */
final class Diagnostics {

    private final Messager messager;
    private int errorCount;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    void error(String message) {
        print(Kind.ERROR, message, Position.NONE);
    }

    void error(String message, Position position) {
        print(Kind.ERROR, message, position);
    }

    void warning(String message, Position position) {
        print(Kind.WARNING, message, position);
    }

    /** One error with the stack trace, for a bug in the processor (never for a user mistake). */
    void unexpected(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        error("migrate-processor failed unexpectedly; please report this with the stack trace: " + trace);
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    private void print(Kind kind, String message, Position position) {
        if (kind == Kind.ERROR) {
            errorCount++;
        }
        if (position.element() == null) {
            messager.printMessage(kind, message);
        } else if (position.annotation() == null) {
            messager.printMessage(kind, message, position.element());
        } else if (position.value() == null) {
            messager.printMessage(kind, message, position.element(), position.annotation());
        } else {
            messager.printMessage(kind, message, position.element(), position.annotation(), position.value());
        }
    }

    /**
     * Where a message points: an element, optionally narrowed to an annotation and a value in it.
     * Any part may be null; null parts widen the position.
     */
    record Position(Element element, AnnotationMirror annotation, AnnotationValue value) {

        static final Position NONE = new Position(null, null, null);

        static Position of(Element element) {
            return new Position(element, null, null);
        }
    }
}
