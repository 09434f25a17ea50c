package dev.migrate.dialect;

import java.util.Objects;

/**
 * One table constraint.
 *
 * @param kind          primary key, unique, foreign key or check
 * @param name          the constraint name, or null when the database generated a name that changes
 *                      each time the constraint is created (H2's {@code CONSTRAINT_1A}), so that
 *                      re-creating an unnamed constraint does not count as a difference
 * @param definition    the definition in the database's words, e.g.
 *                      {@code FOREIGN KEY (p_id) REFERENCES p(id) ON DELETE CASCADE}
 * @param generatedName where {@code name} is null, the name the database generated, which a drop of
 *                      this very constraint needs; never compared (two snapshots that differ only
 *                      here are equal), else null
 */
public record ConstraintSnapshot(Kind kind, String name, String definition, String generatedName) {

    public ConstraintSnapshot {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(definition, "definition");
        if (name != null) {
            generatedName = null;
        }
    }

    /** A constraint whose name is its own (or left out), with no generated name to keep. */
    public ConstraintSnapshot(Kind kind, String name, String definition) {
        this(kind, name, definition, null);
    }

    /** The same constraint with {@code newDefinition} (a column or table renamed in it), its names kept. */
    public ConstraintSnapshot withDefinition(String newDefinition) {
        return new ConstraintSnapshot(kind, name, newDefinition, generatedName);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConstraintSnapshot that && kind == that.kind && Objects.equals(name, that.name)
                && definition.equals(that.definition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, definition);
    }

    /** The kinds of constraint a snapshot holds. */
    public enum Kind {
        PRIMARY_KEY,
        UNIQUE,
        FOREIGN_KEY,
        CHECK
    }

    /** What identifies this constraint across two snapshots: its name, else its definition. */
    String key() {
        return name != null ? kind + " " + name : kind + " " + definition;
    }

    /** {@code name definition}, or {@code (unnamed) definition}, as used in diffs. */
    public String describe() {
        return (name == null ? "(unnamed)" : name) + " " + definition;
    }
}
