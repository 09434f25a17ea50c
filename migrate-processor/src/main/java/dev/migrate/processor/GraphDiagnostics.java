package dev.migrate.processor;

import dev.migrate.graph.GraphProblem;
import dev.migrate.graph.GraphProblem.Blame;
import dev.migrate.processor.Diagnostics.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reports core's graph problems where they are: on the {@code @Revision} value each
 * {@link Blame} names (an unknown id inside {@code revises = {"a", "b"}} is reported on that
 * array element), once per blamed class compiled now. A problem that only involves classes
 * compiled earlier (dependency jars, a previous build) has no source to point at and is reported
 * once, without a position.
 */
final class GraphDiagnostics {

    private final Elements elements;
    private final Diagnostics diagnostics;

    GraphDiagnostics(Elements elements, Diagnostics diagnostics) {
        this.elements = elements;
        this.diagnostics = diagnostics;
    }

    /** Reports every problem as an error. */
    void report(List<GraphProblem> problems, Map<String, RevisionSource> byBinaryName) {
        for (GraphProblem problem : problems) {
            boolean positioned = false;
            for (Blame blame : problem.blame()) {
                Optional<Position> position = position(blame, byBinaryName);
                if (position.isPresent()) {
                    diagnostics.error(problem.message(), position.get());
                    positioned = true;
                }
            }
            if (!positioned) {
                diagnostics.error(problem.message());
            }
        }
    }

    /** The place of {@code blame} in this compilation's sources, if it is there. */
    Optional<Position> position(Blame blame, Map<String, RevisionSource> byBinaryName) {
        RevisionSource source = byBinaryName.get(blame.revision().origin());
        if (source == null || source.location() != RevisionSource.Location.THIS_COMPILATION) {
            return Optional.empty();
        }
        TypeElement type = elements.getTypeElement(source.canonicalName());
        if (type == null) {
            return Optional.empty();
        }
        Optional<AnnotationMirror> mirror = RevisionAnnotation.find(type);
        if (mirror.isEmpty()) {
            return Optional.of(Position.of(type));
        }
        if (blame.attribute() == null) {
            return Optional.of(new Position(type, mirror.get(), null));
        }
        return Optional.of(new Position(type, mirror.get(),
                RevisionAnnotation.written(mirror.get(), blame.attribute(), blame.value()).orElse(null)));
    }
}
