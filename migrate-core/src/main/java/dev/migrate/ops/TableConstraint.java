package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.HashSet;
import java.util.List;

/**
 * A named table constraint, part of {@link CreateTable} or added alone by {@link AddConstraint}.
 * Names are always known (given or derived the way PostgreSQL derives them), so a later revision
 * can drop the constraint by name on every database.
 */
public sealed interface TableConstraint
        permits TableConstraint.PrimaryKey, TableConstraint.Unique, TableConstraint.Check, TableConstraint.ForeignKey {

    String name();

    /** The table's own columns the constraint covers (empty for a check). */
    List<String> columns();

    <R> R accept(Visitor<R> visitor);

    /** Dispatch over the constraint variants. */
    interface Visitor<R> {
        R visitPrimaryKey(PrimaryKey constraint);

        R visitUnique(Unique constraint);

        R visitCheck(Check constraint);

        R visitForeignKey(ForeignKey constraint);
    }

    /** {@code PRIMARY KEY (columns)}. */
    record PrimaryKey(String name, List<String> columns) implements TableConstraint {
        public PrimaryKey {
            name = requireName(name, "primary key");
            columns = requireColumns(columns, "primary key " + name);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitPrimaryKey(this);
        }
    }

    /** {@code UNIQUE (columns)}. */
    record Unique(String name, List<String> columns) implements TableConstraint {
        public Unique {
            name = requireName(name, "unique constraint");
            columns = requireColumns(columns, "unique constraint " + name);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitUnique(this);
        }
    }

    /** {@code CHECK (condition)}; the condition is SQL copied as written. */
    record Check(String name, String condition) implements TableConstraint {
        public Check {
            name = requireName(name, "check constraint");
            if (condition == null || condition.isBlank()) {
                throw new MigrateException("Check constraint " + name + " has no condition; write the SQL condition, "
                        + "for example \"price >= 0\".");
            }
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitCheck(this);
        }
    }

    /**
     * {@code FOREIGN KEY (columns) REFERENCES referencedTable (referencedColumns)}.
     *
     * @param onDelete the action on delete, or null for the database's default (NO ACTION)
     * @param onUpdate the action on update, or null for the database's default (NO ACTION)
     */
    record ForeignKey(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns,
            ReferentialAction onDelete, ReferentialAction onUpdate) implements TableConstraint {
        public ForeignKey {
            name = requireName(name, "foreign key");
            columns = requireColumns(columns, "foreign key " + name);
            if (referencedTable == null) {
                throw new MigrateException("Foreign key " + name + " references no table; call references(table, columns...).");
            }
            referencedColumns = requireColumns(referencedColumns, "foreign key " + name + " (referenced columns)");
            if (referencedColumns.size() != columns.size()) {
                throw new MigrateException("Foreign key " + name + " has " + columns.size() + " column(s) " + columns
                        + " but references " + referencedColumns.size() + " " + referencedColumns
                        + "; list one referenced column per column.");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitForeignKey(this);
        }
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new MigrateException("A " + what + " has an empty name; give it a name.");
        }
        return name;
    }

    private static List<String> requireColumns(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new MigrateException("The " + what + " has no columns; list at least one column.");
        }
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw new MigrateException("The " + what + " lists an empty column name; name every column.");
            }
        }
        List<String> copy = List.copyOf(columns);
        if (new HashSet<>(copy).size() != copy.size()) {
            throw new MigrateException("The " + what + " lists a column twice " + copy + "; list each column once.");
        }
        return copy;
    }

    /** Derived names, the way PostgreSQL names unnamed constraints. */
    static String derivedName(String table, List<String> columns, String suffix) {
        return columns.isEmpty() ? table + "_" + suffix : table + "_" + String.join("_", columns) + "_" + suffix;
    }
}
