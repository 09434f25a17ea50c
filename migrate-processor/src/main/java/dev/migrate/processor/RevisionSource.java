package dev.migrate.processor;

import dev.migrate.graph.RevisionDescriptor;
import java.util.Objects;

/**
 * One {@code @Revision} class as the processor knows it: names and the annotation's values, no
 * {@link javax.lang.model.element.Element} (elements are looked up again by name when needed,
 * because an element of one round must not be used in another).
 *
 * @param packageName   the class's package, "" for the unnamed package
 * @param canonicalName the name {@code Elements.getTypeElement} finds the class by, and the index calls {@code new} with
 * @param descriptor    the annotation's values; {@code descriptor.origin()} is the binary name
 * @param location      where the class comes from
 * @param deprecated    whether the class is deprecated (the generated index then suppresses the warning)
 */
record RevisionSource(String packageName, String canonicalName, RevisionDescriptor descriptor, Location location, boolean deprecated) {

    RevisionSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(canonicalName, "canonicalName");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(location, "location");
    }

    /** The class's binary name, e.g. {@code com.acme.Outer$Inner}. */
    String binaryName() {
        return descriptor.origin();
    }

    /** True when this compilation's revision index lists the class. */
    boolean belongsToIndex() {
        return location != Location.DEPENDENCY;
    }

    /** Where a revision class comes from, seen from the current compilation. */
    enum Location {
        /** Compiled now, from source. */
        THIS_COMPILATION,
        /** Compiled by an earlier (incremental) build into this compilation's output directory. */
        PREVIOUS_BUILD,
        /** In a jar or directory on the class path: listed by that artifact's own index. */
        DEPENDENCY
    }
}
