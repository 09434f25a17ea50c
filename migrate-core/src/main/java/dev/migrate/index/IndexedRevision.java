package dev.migrate.index;

import dev.migrate.Migration;
import dev.migrate.graph.RevisionDescriptor;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One entry of a {@link RevisionIndex}: what the annotation says, and a factory that creates the
 * migration without reflection (generated code calls the constructor).
 *
 * @param descriptor the annotation's values; {@code descriptor.origin()} is the class's binary name
 * @param factory    creates a new instance of the revision class
 */
public record IndexedRevision(RevisionDescriptor descriptor, Supplier<Migration> factory) {

    public IndexedRevision {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(factory, "factory");
    }

    public String id() {
        return descriptor.id();
    }

    public String className() {
        return descriptor.origin();
    }
}
