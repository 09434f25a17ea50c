package dev.migrate.dialect;

import java.util.Objects;

/**
 * A stand-alone sequence: its name and the two options a JPA {@code @SequenceGenerator} sets
 * ({@code initialValue} is the start, {@code allocationSize} the increment). Minimum, maximum,
 * cache and cycle are not read: no mapping sets them, and their defaults differ by database.
 *
 * @param name      the sequence name
 * @param start     the start value ({@code START WITH}), not the next value the sequence hands out
 * @param increment the step ({@code INCREMENT BY})
 */
public record SequenceSnapshot(String name, long start, long increment) {

    public SequenceSnapshot {
        Objects.requireNonNull(name, "name");
    }

    /** {@code name start 1 increment 50}, as used in diffs. */
    public String describe() {
        return name + " start " + start + " increment " + increment;
    }
}
