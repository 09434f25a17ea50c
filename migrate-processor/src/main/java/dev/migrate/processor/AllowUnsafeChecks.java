package dev.migrate.processor;

import dev.migrate.lint.Rule;
import dev.migrate.processor.Diagnostics.Position;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * {@code @AllowUnsafe} checked where it is written: a rule id that is no lint rule is an error (the
 * suppression would silently suppress nothing), a blank reason a warning (the lint's MG119 finding
 * stays, so the build still says it). Both point at the annotation value to fix.
 */
final class AllowUnsafeChecks {

    static final String NAME = "dev.migrate.annotation.AllowUnsafe";
    static final String CONTAINER = "dev.migrate.annotation.AllowUnsafe.List";

    private final Elements elements;
    private final Diagnostics diagnostics;

    AllowUnsafeChecks(Elements elements, Diagnostics diagnostics) {
        this.elements = elements;
        this.diagnostics = diagnostics;
    }

    void check(RoundEnvironment roundEnv) {
        for (String name : List.of(NAME, CONTAINER)) {
            TypeElement annotation = elements.getTypeElement(name);
            if (annotation == null) {
                continue;
            }
            for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
                    String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
                    if (type.equals(name) && name.equals(NAME)) {
                        checkOne(element, mirror, mirror);
                    } else if (type.equals(name)) {
                        AnnotationValue value = valueOf(mirror, "value");
                        if (value != null && value.getValue() instanceof List<?> each) {
                            each.stream().map(v -> ((AnnotationValue) v).getValue())
                                    .filter(AnnotationMirror.class::isInstance)
                                    .forEach(inner -> checkOne(element, mirror, (AnnotationMirror) inner));
                        }
                    }
                }
            }
        }
    }

    /**
     * @param written the annotation as written on the element: the mirror itself, or for repeated
     *                {@code @AllowUnsafe} the synthesized container, which javac can still map a value to source through
     */
    private void checkOne(Element element, AnnotationMirror written, AnnotationMirror mirror) {
        AnnotationValue rule = valueOf(mirror, "value");
        AnnotationValue reason = valueOf(mirror, "reason");
        String id = rule == null ? null : String.valueOf(rule.getValue());
        if (id != null && Rule.find(id).isEmpty()) {
            diagnostics.error("@AllowUnsafe names " + id + ", which is no lint rule; use an id from docs/LINT.md,"
                    + " for example MG100", new Position(element, written, rule));
        } else if (id != null && reason != null && String.valueOf(reason.getValue()).isBlank()) {
            diagnostics.warning("@AllowUnsafe(\"" + id + "\") gives no reason; say why it is safe here, for example"
                    + " reason = \"the table is empty in every environment\" (the lint reports MG119 until it does)",
                    new Position(element, written, reason));
        }
    }

    private static AnnotationValue valueOf(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
