package dev.migrate.processor;

import dev.migrate.graph.GraphProblem.Attribute;
import dev.migrate.graph.RevisionDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Revision} from its {@link AnnotationMirror} (never through reflection: the
 * annotation has CLASS retention, and mirrors work the same for source and class files) and finds
 * the {@link AnnotationValue} a problem is about, so that javac points at that value.
 */
final class RevisionAnnotation {

    static final String NAME = "dev.migrate.annotation.Revision";

    private RevisionAnnotation() {
    }

    /** The {@code @Revision} mirror on {@code element}, if it has one. */
    static Optional<AnnotationMirror> find(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(NAME)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The annotation's values (defaults included); the origin is the class's binary name. */
    static RevisionDescriptor descriptor(Elements elements, TypeElement type, AnnotationMirror mirror) {
        Map<String, AnnotationValue> values = byName(elements.getElementValuesWithDefaults(mirror));
        return new RevisionDescriptor(
                string(values.get("id")),
                strings(values.get("revises")),
                strings(values.get("dependsOn")),
                strings(values.get("branchLabels")),
                string(values.get("message")),
                elements.getBinaryName(type).toString(),
                values.containsKey("database") ? string(values.get("database")) : "");
    }

    /**
     * The value written in the source for {@code attribute}: with {@code value} null the whole
     * attribute, otherwise the array element equal to {@code value}. Empty when the attribute is
     * not written (a default) or the value is not found.
     */
    static Optional<AnnotationValue> written(AnnotationMirror mirror, Attribute attribute, String value) {
        AnnotationValue whole = byName(mirror.getElementValues()).get(attributeName(attribute));
        if (whole == null || value == null) {
            return Optional.ofNullable(whole);
        }
        if (whole.getValue() instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof AnnotationValue element && value.equals(element.getValue())) {
                    return Optional.of(element);
                }
            }
            return Optional.of(whole);
        }
        return Optional.of(whole);
    }

    /** The Java name of an attribute, as written in {@code @Revision(...)}. */
    static String attributeName(Attribute attribute) {
        switch (attribute) {
            case ID:
                return "id";
            case REVISES:
                return "revises";
            case DEPENDS_ON:
                return "dependsOn";
            case BRANCH_LABELS:
                return "branchLabels";
            default:
                throw new IllegalArgumentException("unknown attribute " + attribute);
        }
    }

    private static Map<String, AnnotationValue> byName(
            Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
        Map<String, AnnotationValue> byName = new HashMap<>();
        values.forEach((method, value) -> byName.put(method.getSimpleName().toString(), value));
        return byName;
    }

    // An erroneous value (javac already reports it) reads as empty, so processing can go on.
    private static String string(AnnotationValue value) {
        return value != null && value.getValue() instanceof String text ? text : "";
    }

    private static List<String> strings(AnnotationValue value) {
        List<String> strings = new ArrayList<>();
        if (value == null) {
            return strings;
        }
        if (value.getValue() instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof AnnotationValue element && element.getValue() instanceof String text) {
                    strings.add(text);
                }
            }
        } else if (value.getValue() instanceof String text) {
            strings.add(text);
        }
        return strings;
    }
}
