package dev.migrate.dialect;

/**
 * One named table constraint.
 *
 * @param name       the constraint's name
 * @param kind       {@code PRIMARY KEY}, {@code UNIQUE}, {@code CHECK} or {@code FOREIGN KEY}
 * @param definition the columns, the check clause as the database prints it, or
 *                   {@code (a) -> table (id) ON DELETE x ON UPDATE y}
 */
public record ConstraintSnapshot(String name, String kind, String definition) {

    /** {@code UNIQUE (a, b)}. */
    public String describe() {
        return kind + " " + definition;
    }
}
