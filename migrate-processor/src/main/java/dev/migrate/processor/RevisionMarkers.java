package dev.migrate.processor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Aggregation through generated classes in one fixed package (Hilt's approach): every generated
 * index lists the canonical names of its revision classes in constant fields
 * ({@value #FIELD_PREFIX}0, 1, ...). A later compilation lists that package and so learns every
 * revision compiled before it: those of dependency jars (to check references across jars) and
 * those of an earlier incremental build into the same output directory (so that recompiling a
 * few classes keeps the others in the index).
 *
 * <p>Only names are recorded; the values are read again from each class's {@code @Revision}, so
 * a class that was deleted or lost its annotation simply drops out, and an old index left in the
 * output directory can never bring back a stale entry.
 */
final class RevisionMarkers {

    static final String PACKAGE = IndexNaming.PACKAGE;
    static final String FIELD_PREFIX = "REVISION_CLASSES_";
    static final String SEPARATOR = ",";

    /** Characters per constant: a constant string is limited to 65,535 bytes of modified UTF-8. */
    static final int CHUNK = 20_000;

    private final Filer filer;
    private final Elements elements;

    RevisionMarkers(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
    }

    /** Revision classes an index compiled before lists, and whether that index is ours. */
    record Marker(List<String> revisionClasses, boolean inThisOutput) {
    }

    /** The names to record, in constants of at most {@value #CHUNK} characters each. */
    static List<String> chunks(List<String> canonicalNames) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String name : canonicalNames) {
            if (chunk.length() > 0 && chunk.length() + name.length() >= CHUNK) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() == 0 ? "" : SEPARATOR).append(name);
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    /** The indexes compiled before this compilation (class path and this output directory). */
    List<Marker> readEarlier() {
        List<Marker> markers = new ArrayList<>();
        PackageElement markerPackage = elements.getPackageElement(PACKAGE);
        if (markerPackage == null) {
            return markers;
        }
        for (TypeElement type : ElementFilter.typesIn(markerPackage.getEnclosedElements())) {
            List<String> names = revisionClasses(type);
            if (!names.isEmpty()) {
                markers.add(new Marker(names, isInClassOutput(type.getSimpleName().toString())));
            }
        }
        return markers;
    }

    private static List<String> revisionClasses(TypeElement index) {
        List<String> names = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(index.getEnclosedElements())) {
            Optional.ofNullable(field.getConstantValue())
                    .filter(value -> field.getSimpleName().toString().startsWith(FIELD_PREFIX))
                    .filter(String.class::isInstance)
                    .ifPresent(value -> names.addAll(Arrays.asList(((String) value).split(SEPARATOR))));
        }
        return names;
    }

    /**
     * Whether the index's class file is in this compilation's own output directory, i.e. it was
     * written by an earlier build of this module rather than shipped in a dependency. The class
     * path cannot tell them apart, the output location can.
     */
    private boolean isInClassOutput(String simpleName) {
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, PACKAGE, simpleName + ".class");
            try (InputStream in = file.openInputStream()) {
                return in != null;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A class name mangled reversibly into one identifier, as JNI does ({@code _} becomes
     * {@code _1}, {@code $} becomes {@code _2}, {@code .} becomes {@code _}).
     */
    static String mangle(String name) {
        return name.replace("_", "_1").replace("$", "_2").replace('.', '_');
    }
}
