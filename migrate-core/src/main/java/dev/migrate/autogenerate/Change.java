package dev.migrate.autogenerate;

import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.IndexSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;

/**
 * One difference between the model and the database, found by autogenerate. What the model adds
 * carries the model's own typed operation or column; what the database has and the model lacks
 * carries the database's snapshot of it, so the downgrade can recreate it as the database spells it.
 * {@link #describe()} is one line: {@code +} only in the model, {@code -} only in the database,
 * {@code ~} changed.
 */
public sealed interface Change {

    /** One readable line, for example {@code + column tickets.assignee_id bigint}. */
    String describe();

    /** A table the model maps and the database lacks. */
    /** A schema the model names that the database lacks. */
    record SchemaAdded(String schema) implements Change {
        @Override
        public String describe() {
            return "+ schema " + schema;
        }
    }

    record TableAdded(CreateTable create) implements Change {
        @Override
        public String describe() {
            return "+ table " + create.table();
        }
    }

    /** A table the database has and no model maps (only with {@code dropUnmapped}). */
    record TableDropped(TableSnapshot table) implements Change {
        @Override
        public String describe() {
            return "- table " + table.name();
        }
    }

    /** A table renamed by an explicit hint ({@code migrate.renames}). */
    record TableRenamed(String from, String to) implements Change {
        @Override
        public String describe() {
            return "~ table " + from + " renamed to " + to;
        }
    }

    record ColumnAdded(String table, Column column, String spelling) implements Change {
        @Override
        public String describe() {
            return "+ column " + table + "." + column.name() + " " + spelling + (column.nullable() ? "" : " NOT NULL");
        }
    }

    record ColumnDropped(String table, ColumnSnapshot column) implements Change {
        @Override
        public String describe() {
            return "- column " + table + "." + column.describe();
        }
    }

    /** A column renamed by an explicit hint ({@code migrate.renames}). */
    record ColumnRenamed(String table, String from, String to) implements Change {
        @Override
        public String describe() {
            return "~ column " + table + "." + from + " renamed to " + to;
        }
    }

    /**
     * @param from the database's type, as it spells it
     * @param to   the model's type, as the same database spells it
     * @param type the model's typed column type
     */
    record TypeChanged(String table, String column, String from, String to, ColumnType type) implements Change {
        @Override
        public String describe() {
            return "~ type of " + table + "." + column + ": " + from + " -> " + to;
        }
    }

    /** @param nullable the model's nullability */
    record NullabilityChanged(String table, String column, boolean nullable) implements Change {
        @Override
        public String describe() {
            return "~ " + table + "." + column + (nullable ? " NOT NULL -> nullable" : " nullable -> NOT NULL");
        }
    }

    /**
     * @param from          the database's default, or null
     * @param to            the model's default as the database spells it, or null
     * @param serverDefault the model's typed default, or null when the model has none
     */
    record DefaultChanged(String table, String column, String from, String to, ServerDefault serverDefault)
            implements Change {
        @Override
        public String describe() {
            return "~ default of " + table + "." + column + ": " + (from == null ? "none" : from) + " -> "
                    + (to == null ? "none" : to);
        }
    }

    /** An identity or generated column on one side only: written by hand, never generated. */
    record IdentityChanged(String table, String column, String from, String to) implements Change {
        @Override
        public String describe() {
            return "~ generation of " + table + "." + column + ": " + (from == null ? "none" : from) + " -> "
                    + (to == null ? "none" : to);
        }
    }

    record IndexAdded(CreateIndex index) implements Change {
        @Override
        public String describe() {
            return "+ index " + index.table() + "." + index.name() + " (" + String.join(", ",
                    index.keys().stream().map(k -> k.text()).toList()) + ")" + (index.unique() ? " UNIQUE" : "");
        }
    }

    record IndexDropped(String table, IndexSnapshot index) implements Change {
        @Override
        public String describe() {
            return "- index " + table + "." + index.describe();
        }
    }

    record UniqueAdded(String table, TableConstraint.Unique unique) implements Change {
        @Override
        public String describe() {
            return "+ unique " + table + " (" + String.join(", ", unique.columns()) + ")";
        }
    }

    record UniqueDropped(String table, ConstraintSnapshot unique) implements Change {
        @Override
        public String describe() {
            return "- unique " + table + "." + unique.describe();
        }
    }

    record ForeignKeyAdded(String table, TableConstraint.ForeignKey foreignKey) implements Change {
        @Override
        public String describe() {
            return "+ foreign key " + table + " (" + String.join(", ", foreignKey.columns()) + ") -> "
                    + foreignKey.referencedTable() + " (" + String.join(", ", foreignKey.referencedColumns()) + ")";
        }
    }

    record ForeignKeyDropped(String table, ConstraintSnapshot foreignKey) implements Change {
        @Override
        public String describe() {
            return "- foreign key " + table + "." + foreignKey.describe();
        }
    }

    record CheckAdded(String table, TableConstraint.Check check) implements Change {
        @Override
        public String describe() {
            return "+ check " + table + " (" + check.condition() + ")";
        }
    }

    record CheckDropped(String table, ConstraintSnapshot check) implements Change {
        @Override
        public String describe() {
            return "- check " + table + "." + check.describe();
        }
    }

    record SequenceAdded(CreateSequence sequence) implements Change {
        @Override
        public String describe() {
            return "+ sequence " + sequence.sequence();
        }
    }

    /**
     * A sequence whose start value or increment differs (a changed {@code @SequenceGenerator}
     * {@code initialValue} or {@code allocationSize}); {@code from} is the database's, {@code to}
     * the model's, in the database's spelling of the name.
     */
    record SequenceChanged(SequenceSnapshot from, SequenceSnapshot to) implements Change {
        @Override
        public String describe() {
            StringBuilder line = new StringBuilder("~ sequence " + from.name());
            if (from.increment() != to.increment()) {
                line.append(" increment ").append(from.increment()).append(" -> ").append(to.increment());
            }
            if (from.start() != to.start()) {
                line.append(" start ").append(from.start()).append(" -> ").append(to.start());
            }
            return line.toString();
        }
    }

    /**
     * A sequence the database has and no model declares (only with {@code dropUnmapped});
     * {@code sequence} is the database's, so the downgrade recreates it with its start and
     * increment (null when not known: then with the database's defaults).
     */
    record SequenceDropped(String name, SequenceSnapshot sequence) implements Change {

        public SequenceDropped(String name) {
            this(name, null);
        }

        @Override
        public String describe() {
            return "- sequence " + name;
        }
    }

    /**
     * A table's comment set, changed or removed.
     *
     * @param from the database's comment, or null
     * @param to   the model's comment, or null
     */
    record TableCommentChanged(String table, String from, String to) implements Change {
        @Override
        public String describe() {
            return "~ comment of table " + table + ": " + quoted(from) + " -> " + quoted(to);
        }
    }

    /**
     * A column's comment set, changed or removed.
     *
     * @param from the database's comment, or null
     * @param to   the model's comment, or null
     */
    record ColumnCommentChanged(String table, String column, String from, String to) implements Change {
        @Override
        public String describe() {
            return "~ comment of " + table + "." + column + ": " + quoted(from) + " -> " + quoted(to);
        }
    }

    /** A comment as {@link #describe()} shows it: quoted, or {@code none}. */
    private static String quoted(String comment) {
        return comment == null ? "none" : "'" + comment.replace("'", "''") + "'";
    }
}
