package dev.migrate.autogenerate;

import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns changes into an upgrade and a downgrade that run: the upgrade renames first, drops foreign
 * keys and indexes before what they cover, creates sequences and tables before columns, columns
 * before the constraints and indexes over them, foreign keys after every table they point at, and
 * drops columns, tables and sequences last; the downgrade undoes each step in reverse order.
 * Also writes the review notes of the changes a person must look at.
 */
final class ChangePlan {

    /** The phases of an upgrade, in the order they run. */
    private enum Phase {
        RENAME, DROP_FOREIGN_KEY, DROP_INDEX_OR_CONSTRAINT, CREATE_SEQUENCE, CREATE_TABLE, ADD_COLUMN, ALTER_COLUMN,
        ADD_INDEX_OR_CONSTRAINT, ADD_FOREIGN_KEY, DROP_COLUMN, DROP_TABLE, DROP_SEQUENCE
    }

    /** One step and its inverse. */
    private record Step(List<Operation> upgrade, List<Operation> downgrade) {
    }

    private final Map<Phase, List<Step>> steps = new EnumMap<>(Phase.class);
    private final List<ReviewNote> notes = new ArrayList<>();
    private final String quote;

    private ChangePlan(String quote) {
        this.quote = quote;
        for (Phase phase : Phase.values()) {
            steps.put(phase, new ArrayList<>());
        }
    }

    /**
     * @param quote the database's identifier quote character, for the rare constraint that only
     *              plain SQL can recreate
     */
    static AutogenerateResult of(List<Change> changes, String quote) {
        ChangePlan plan = new ChangePlan(quote);
        changes.forEach(plan::add);
        plan.renameHints(changes);
        plan.namingHints(changes);
        List<Operation> upgrade = new ArrayList<>();
        List<Operation> downgrade = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (Step step : plan.steps.get(phase)) {
                upgrade.addAll(step.upgrade());
                downgrade.addAll(0, step.downgrade());
            }
        }
        return new AutogenerateResult(changes, upgrade, downgrade, plan.notes);
    }

    private void step(Phase phase, Operation upgrade, Operation downgrade) {
        steps.get(phase).add(new Step(List.of(upgrade), List.of(downgrade)));
    }

    private void add(Change change) {
        if (change instanceof Change.TableAdded added) {
            step(Phase.CREATE_TABLE, added.create(), new DropTable(added.create().table()));
        } else if (change instanceof Change.TableDropped dropped) {
            dropTable(dropped);
        } else if (change instanceof Change.TableRenamed renamed) {
            step(Phase.RENAME, new RenameTable(name(renamed.from()), renamed.to()), new RenameTable(name(renamed.to()), renamed.from()));
        } else if (change instanceof Change.ColumnAdded added) {
            step(Phase.ADD_COLUMN, new AddColumn(name(added.table()), added.column(), List.of()),
                    new DropColumn(name(added.table()), added.column().name()));
            if (!added.column().nullable() && added.column().serverDefault() == null && !added.column().identity()) {
                note(change, "NOT NULL column " + added.table() + "." + added.column().name() + " without a default: adding it "
                        + "fails when " + added.table() + " has rows; add a default or add it nullable, backfill, then set NOT NULL.");
            }
        } else if (change instanceof Change.ColumnDropped dropped) {
            step(Phase.DROP_COLUMN, new DropColumn(name(dropped.table()), dropped.column().name()),
                    new AddColumn(name(dropped.table()), SnapshotOperations.column(dropped.column()), List.of()));
            note(change, "dropping " + dropped.table() + "." + dropped.column().name() + " loses its data; the downgrade "
                    + "recreates the column empty.");
        } else if (change instanceof Change.ColumnRenamed renamed) {
            step(Phase.RENAME, rename(renamed.table(), renamed.from(), renamed.to()), rename(renamed.table(), renamed.to(), renamed.from()));
        } else if (change instanceof Change.TypeChanged changed) {
            step(Phase.ALTER_COLUMN, alter(changed.table(), changed.column(), changed.type(), null, false),
                    alter(changed.table(), changed.column(), ColumnType.sql(changed.from()), null, false));
            note(change, "type change of " + changed.table() + "." + changed.column() + " (" + changed.from() + " -> "
                    + changed.to() + ") may rewrite the table under a lock and fails on values that do not convert; "
                    + "check the size of the table and add using(...) where needed.");
        } else if (change instanceof Change.NullabilityChanged changed) {
            step(Phase.ALTER_COLUMN, nullable(changed.table(), changed.column(), changed.nullable()),
                    nullable(changed.table(), changed.column(), !changed.nullable()));
            if (!changed.nullable()) {
                note(change, "NOT NULL on " + changed.table() + "." + changed.column() + " fails while rows hold NULL "
                        + "there; backfill them (or add a default) first.");
            }
        } else if (change instanceof Change.DefaultChanged changed) {
            ServerDefault to = changed.to() == null ? null
                    : changed.serverDefault() != null ? changed.serverDefault() : ServerDefault.sql(changed.to());
            ServerDefault from = changed.from() == null ? null : ServerDefault.sql(changed.from());
            step(Phase.ALTER_COLUMN, alter(changed.table(), changed.column(), null, to, to == null),
                    alter(changed.table(), changed.column(), null, from, from == null));
        } else if (change instanceof Change.IdentityChanged changed) {
            note(change, "identity or generated column " + changed.table() + "." + changed.column() + " changed ("
                    + changed.describe() + "); autogenerate does not write this: change it by hand.");
        } else if (change instanceof Change.IndexAdded added) {
            step(Phase.ADD_INDEX_OR_CONSTRAINT, added.index(),
                    new DropIndex(added.index().name(), added.index().table(), false, false));
        } else if (change instanceof Change.IndexDropped dropped) {
            step(Phase.DROP_INDEX_OR_CONSTRAINT, new DropIndex(dropped.index().name(), name(dropped.table()), false, false),
                    SnapshotOperations.createIndex(dropped.table(), dropped.index()));
        } else if (change instanceof Change.UniqueAdded added) {
            addConstraint(Phase.ADD_INDEX_OR_CONSTRAINT, added.table(), added.unique());
        } else if (change instanceof Change.UniqueDropped dropped) {
            dropConstraint(Phase.DROP_INDEX_OR_CONSTRAINT, dropped.table(), dropped.unique());
        } else if (change instanceof Change.CheckAdded added) {
            addConstraint(Phase.ADD_INDEX_OR_CONSTRAINT, added.table(), added.check());
        } else if (change instanceof Change.CheckDropped dropped) {
            dropConstraint(Phase.DROP_INDEX_OR_CONSTRAINT, dropped.table(), dropped.check());
        } else if (change instanceof Change.ForeignKeyAdded added) {
            addConstraint(Phase.ADD_FOREIGN_KEY, added.table(), added.foreignKey());
        } else if (change instanceof Change.ForeignKeyDropped dropped) {
            dropConstraint(Phase.DROP_FOREIGN_KEY, dropped.table(), dropped.foreignKey());
        } else if (change instanceof Change.SequenceAdded added) {
            step(Phase.CREATE_SEQUENCE, added.sequence(), new DropSequence(added.sequence().sequence()));
        } else if (change instanceof Change.SequenceDropped dropped) {
            step(Phase.DROP_SEQUENCE, new DropSequence(name(dropped.name())), new CreateSequence(name(dropped.name()), null, null));
            note(change, "dropping sequence " + dropped.name() + " loses its current value; the downgrade recreates it from 1.");
        }
    }

    /** The table's foreign keys go first (another dropped table may point at it), the table itself last. */
    private void dropTable(Change.TableDropped dropped) {
        TableSnapshot table = dropped.table();
        for (ConstraintSnapshot constraint : table.constraints()) {
            if (constraint.kind() == ConstraintSnapshot.Kind.FOREIGN_KEY) {
                dropConstraint(Phase.DROP_FOREIGN_KEY, table.name(), constraint);
            }
        }
        List<Operation> recreate = new ArrayList<>();
        recreate.add(SnapshotOperations.createTable(table));
        table.indexes().forEach(index -> recreate.add(SnapshotOperations.createIndex(table.name(), index)));
        steps.get(Phase.DROP_TABLE).add(new Step(List.of(new DropTable(name(table.name()))), recreate));
        note(dropped, "dropping table " + table.name() + " loses its rows; the downgrade recreates it empty.");
    }

    private void addConstraint(Phase phase, String table, TableConstraint constraint) {
        step(phase, new AddConstraint(name(table), constraint), new DropConstraint(name(table), constraint.name()));
    }

    /** Dropped by name (the database's); recreated typed where the definition allows, else as plain SQL. */
    private void dropConstraint(Phase phase, String table, ConstraintSnapshot constraint) {
        String constraintName = constraint.name();
        Operation recreate = switch (constraint.kind()) {
            case UNIQUE -> SnapshotOperations.unique(table, constraint).<Operation>map(u -> new AddConstraint(name(table), u))
                    .orElse(null);
            case FOREIGN_KEY -> SnapshotOperations.foreignKey(table, constraint)
                    .<Operation>map(f -> new AddConstraint(name(table), f)).orElse(null);
            case CHECK -> new AddConstraint(name(table), SnapshotOperations.check(table, constraint));
            default -> null;
        };
        if (recreate == null) {
            recreate = new ExecuteSql("ALTER TABLE " + quoted(table) + " ADD " + (constraintName == null ? ""
                    : "CONSTRAINT " + quoted(constraintName) + " ") + constraint.definition(), List.of());
        }
        if (constraintName == null) {
            // H2 generated the name: the typed recreation carries a derived one, and the drop needs the live name.
            note(new Change.CheckDropped(table, constraint), "the constraint " + constraint.definition() + " on " + table
                    + " has a name the database generated; replace the name in dropConstraint with the one the database shows.");
            constraintName = recreate instanceof AddConstraint add ? add.constraint().name() : table + "_constraint";
        }
        step(phase, new DropConstraint(name(table), constraintName), recreate);
    }

    /** A likely rename: a table that loses one column and gains one of the same type. */
    private void renameHints(List<Change> changes) {
        Map<String, List<Change.ColumnDropped>> dropped = new java.util.HashMap<>();
        Map<String, List<Change.ColumnAdded>> added = new java.util.HashMap<>();
        for (Change change : changes) {
            if (change instanceof Change.ColumnDropped d) {
                dropped.computeIfAbsent(d.table(), t -> new ArrayList<>()).add(d);
            } else if (change instanceof Change.ColumnAdded a) {
                added.computeIfAbsent(a.table(), t -> new ArrayList<>()).add(a);
            }
        }
        dropped.forEach((table, drops) -> {
            List<Change.ColumnAdded> adds = added.getOrDefault(table, List.of());
            if (drops.size() == 1 && adds.size() == 1) {
                ColumnSnapshot old = drops.get(0).column();
                Change.ColumnAdded add = adds.get(0);
                if (old.type().equalsIgnoreCase(add.spelling())) {
                    note(add, "rename? " + table + " loses " + old.name() + " and gains " + add.column().name()
                            + " of the same type; if it is a rename, run again with -Dmigrate.renames=" + table + "."
                            + old.name() + ":" + table + "." + add.column().name() + " to keep the data.");
                }
            }
        });
    }

    /**
     * A wrong naming strategy shows as drop/add pairs whose names differ only in case and
     * underscores ({@code assigneeId} against {@code assignee_id}): say so once per table.
     */
    private void namingHints(List<Change> changes) {
        Map<String, List<String>> dropped = new java.util.HashMap<>();
        Map<String, List<Change.ColumnAdded>> added = new java.util.LinkedHashMap<>();
        List<String> droppedTables = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Change.ColumnDropped d) {
                dropped.computeIfAbsent(d.table(), t -> new ArrayList<>()).add(squashed(d.column().name()));
            } else if (change instanceof Change.ColumnAdded a) {
                added.computeIfAbsent(a.table(), t -> new ArrayList<>()).add(a);
            } else if (change instanceof Change.TableDropped d) {
                droppedTables.add(d.table().name());
            }
        }
        added.forEach((table, adds) -> {
            List<String> drops = dropped.getOrDefault(table, List.of());
            if (!drops.isEmpty() && adds.stream().allMatch(a -> drops.contains(squashed(a.column().name())))) {
                note(adds.get(0), "the columns " + table + " gains differ from those it loses only by naming (for example "
                        + adds.get(0).column().name() + "): check migrate.namingStrategy (spring writes snake_case, jpa the"
                        + " names as the entities spell them) before applying drops.");
            }
        });
        for (Change change : changes) {
            if (change instanceof Change.TableAdded a) {
                String name = a.create().table().name();
                droppedTables.stream().filter(d -> squashed(d).equals(squashed(name)) && !d.equals(name)).findFirst()
                        .ifPresent(d -> note(change, "table " + name + " is added and " + d + " dropped, names that differ"
                                + " only by naming: check migrate.namingStrategy before applying."));
            }
        }
    }

    private static String squashed(String name) {
        return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private void note(Change change, String text) {
        notes.add(new ReviewNote(change, text));
    }

    private static AlterColumn alter(String table, String column, ColumnType type, ServerDefault serverDefault,
                                     boolean dropDefault) {
        return new AlterColumn(name(table), column, type, null, null, serverDefault, dropDefault, null);
    }

    private static AlterColumn nullable(String table, String column, boolean nullable) {
        return new AlterColumn(name(table), column, null, null, nullable, null, false, null);
    }

    private static AlterColumn rename(String table, String column, String newName) {
        return new AlterColumn(name(table), column, null, null, null, null, false, newName);
    }

    private String quoted(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    private static QualifiedName name(String name) {
        return QualifiedName.of(null, name);
    }
}
