package dev.migrate.autogenerate;

import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.dialect.SqlRendering;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.AlterSequence;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSchema;
import dev.migrate.ops.DropSequence;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableComment;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.ValidateConstraint;
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
 *
 * <p>Where the database has the online forms (PostgreSQL) and the table already exists, the
 * upgrade uses them, so that the revision lints clean (docs/LINT.md): indexes are built and dropped
 * {@code concurrently()}, foreign keys and checks are added {@code notValid()} and validated at the
 * end in a transaction of their own, and a unique constraint takes over a unique index built
 * concurrently first. Tables the same revision creates are empty and keep the plain forms.
 */
final class ChangePlan {

    /** The phases of an upgrade, in the order they run. */
    private enum Phase {
        CREATE_SCHEMA, RENAME, DROP_FOREIGN_KEY, DROP_INDEX_OR_CONSTRAINT, CREATE_SEQUENCE, ALTER_SEQUENCE, CREATE_TABLE, ADD_COLUMN,
        ALTER_COLUMN, ADD_INDEX_OR_CONSTRAINT, ADD_FOREIGN_KEY, VALIDATE, DROP_COLUMN, DROP_TABLE, DROP_SEQUENCE
    }

    /** One step and its inverse. */
    private record Step(List<Operation> upgrade, List<Operation> downgrade) {
    }

    private final Map<Phase, List<Step>> steps = new EnumMap<>(Phase.class);
    private final List<ReviewNote> notes = new ArrayList<>();
    private final SqlRendering sql;
    private final boolean onlineForms;
    private final java.util.Set<String> newTables = new java.util.HashSet<>();

    private ChangePlan(SqlRendering sql, boolean onlineForms) {
        this.sql = sql;
        this.onlineForms = onlineForms;
        for (Phase phase : Phase.values()) {
            steps.put(phase, new ArrayList<>());
        }
    }

    /**
     * @param sql   the database's SQL, for the rare constraint that only its own definition can
     *              recreate
     * @param onlineForms the database builds indexes concurrently and adds constraints NOT VALID
     *              (PostgreSQL): use those forms on tables that already exist
     */
    static AutogenerateResult of(List<Change> changes, SqlRendering sql, boolean onlineForms) {
        ChangePlan plan = new ChangePlan(sql, onlineForms);
        for (Change change : changes) {
            if (change instanceof Change.TableAdded added) {
                plan.newTables.add(key(added.create().table().name()));
            }
        }
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
        if (change instanceof Change.SchemaAdded added) {
            step(Phase.CREATE_SCHEMA, new CreateSchema(added.schema()), new DropSchema(added.schema()));
            note(change, "schema " + added.schema() + " is created first and dropped last by the downgrade (on MariaDB and"
                    + " MySQL a database, dropped with whatever it holds then).");
        } else if (change instanceof Change.TableAdded added) {
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
        } else if (change instanceof Change.TableCommentChanged changed) {
            step(Phase.ALTER_COLUMN, new TableComment(name(changed.table()), changed.to()),
                    new TableComment(name(changed.table()), changed.from()));
        } else if (change instanceof Change.ColumnCommentChanged changed) {
            step(Phase.ALTER_COLUMN, comment(changed.table(), changed.column(), changed.to()),
                    comment(changed.table(), changed.column(), changed.from()));
        } else if (change instanceof Change.IdentityChanged changed) {
            note(change, "identity or generated column " + changed.table() + "." + changed.column() + " changed ("
                    + changed.describe() + "); autogenerate does not write this: change it by hand.");
        } else if (change instanceof Change.IndexAdded added) {
            boolean online = online(added.index().table().name());
            CreateIndex index = added.index();
            step(Phase.ADD_INDEX_OR_CONSTRAINT, online ? concurrently(index) : index,
                    new DropIndex(index.name(), index.table(), online, false));
        } else if (change instanceof Change.IndexDropped dropped) {
            boolean online = online(dropped.table());
            CreateIndex recreate = SnapshotOperations.createIndex(dropped.table(), dropped.index());
            step(Phase.DROP_INDEX_OR_CONSTRAINT, new DropIndex(dropped.index().name(), name(dropped.table()), online, false),
                    online ? concurrently(recreate) : recreate);
        } else if (change instanceof Change.UniqueAdded added) {
            if (online(added.table())) {
                uniqueUsingIndex(added.table(), added.unique());
            } else {
                addConstraint(Phase.ADD_INDEX_OR_CONSTRAINT, added.table(), added.unique());
            }
        } else if (change instanceof Change.UniqueDropped dropped) {
            dropConstraint(change, Phase.DROP_INDEX_OR_CONSTRAINT, dropped.table(), dropped.unique());
        } else if (change instanceof Change.CheckAdded added) {
            addConstraint(Phase.ADD_INDEX_OR_CONSTRAINT, added.table(), added.check());
        } else if (change instanceof Change.CheckDropped dropped) {
            dropConstraint(change, Phase.DROP_INDEX_OR_CONSTRAINT, dropped.table(), dropped.check());
        } else if (change instanceof Change.ForeignKeyAdded added) {
            addConstraint(Phase.ADD_FOREIGN_KEY, added.table(), added.foreignKey());
        } else if (change instanceof Change.ForeignKeyDropped dropped) {
            dropConstraint(change, Phase.DROP_FOREIGN_KEY, dropped.table(), dropped.foreignKey());
        } else if (change instanceof Change.SequenceAdded added) {
            step(Phase.CREATE_SEQUENCE, added.sequence(), new DropSequence(added.sequence().sequence()));
        } else if (change instanceof Change.SequenceChanged changed) {
            alterSequence(changed);
        } else if (change instanceof Change.SequenceDropped dropped) {
            SequenceSnapshot was = dropped.sequence();
            step(Phase.DROP_SEQUENCE, new DropSequence(name(dropped.name())), new CreateSequence(name(dropped.name()),
                    was == null ? null : was.start(), was == null ? null : was.increment()));
            note(change, "dropping sequence " + dropped.name() + " loses its current value; the downgrade recreates it from "
                    + (was == null ? 1 : was.start()) + ".");
        }
    }

    /**
     * Only what differs is altered: the increment, and the start value with {@code START WITH},
     * never {@code RESTART}, so the sequence goes on from where it is and hands out no id twice.
     */
    private void alterSequence(Change.SequenceChanged changed) {
        SequenceSnapshot from = changed.from();
        SequenceSnapshot to = changed.to();
        boolean increment = from.increment() != to.increment();
        boolean start = from.start() != to.start();
        step(Phase.ALTER_SEQUENCE,
                AlterSequence.of(name(from.name()), increment ? to.increment() : null, start ? to.start() : null),
                AlterSequence.of(name(from.name()), increment ? from.increment() : null, start ? from.start() : null));
        if (increment && Math.abs(to.increment()) < Math.abs(from.increment())) {
            note(changed, "sequence " + from.name() + " steps by " + to.increment() + " instead of " + from.increment()
                    + ": an application still running with the old allocationSize takes blocks of " + from.increment()
                    + " ids that overlap the new blocks; stop those instances before this upgrade runs.");
        }
    }

    /** The table's foreign keys go first (another dropped table may point at it), the table itself last. */
    private void dropTable(Change.TableDropped dropped) {
        TableSnapshot table = dropped.table();
        for (ConstraintSnapshot constraint : table.constraints()) {
            if (constraint.kind() == ConstraintSnapshot.Kind.FOREIGN_KEY) {
                dropConstraint(dropped, Phase.DROP_FOREIGN_KEY, table.name(), constraint);
            }
        }
        List<Operation> recreate = new ArrayList<>();
        recreate.add(SnapshotOperations.createTable(table));
        table.indexes().forEach(index -> recreate.add(SnapshotOperations.createIndex(table.name(), index)));
        steps.get(Phase.DROP_TABLE).add(new Step(List.of(new DropTable(name(table.name()))), recreate));
        note(dropped, "dropping table " + table.name() + " loses its rows; the downgrade recreates it empty.");
    }

    /**
     * On an existing table (online forms): a foreign key or check is added NOT VALID, which checks
     * only new rows under a brief lock, and validated in the VALIDATE phase in a transaction of its
     * own, which scans without blocking reads or writes.
     */
    private void addConstraint(Phase phase, String table, TableConstraint constraint) {
        boolean notValid = online(table) && (constraint instanceof TableConstraint.ForeignKey
                || constraint instanceof TableConstraint.Check);
        step(phase, new AddConstraint(name(table), constraint, notValid), new DropConstraint(name(table), constraint.name()));
        if (notValid) {
            // Nothing to undo: the downgrade's dropConstraint of the add removes the constraint.
            steps.get(Phase.VALIDATE).add(new Step(List.of(new ValidateConstraint(name(table), constraint.name(), true)),
                    List.of()));
        }
    }

    /**
     * A unique constraint on an existing table: its unique index is built concurrently (writes go
     * on), then the constraint takes the index over, which needs only a brief lock. Dropping the
     * constraint drops the index with it.
     */
    private void uniqueUsingIndex(String table, TableConstraint.Unique unique) {
        CreateIndex index = new CreateIndex(unique.name(), name(table),
                unique.columns().stream().map(IndexKey::column).toList(), true, null, true);
        AddConstraint takeOver = new AddConstraint(name(table), unique, false, unique.name());
        steps.get(Phase.ADD_INDEX_OR_CONSTRAINT).add(new Step(List.of(index, takeOver),
                List.of(new DropConstraint(name(table), unique.name()))));
    }

    /** Whether {@code table} gets the online forms: the database has them and the table exists before the revision. */
    private boolean online(String table) {
        return onlineForms && !newTables.contains(key(table));
    }

    private static CreateIndex concurrently(CreateIndex index) {
        return new CreateIndex(index.name(), index.table(), index.keys(), index.unique(), index.where(), true);
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Dropped by name (the database's); recreated typed where the definition allows, else from the
     * database's own definition in its SQL (a review note says so): PostgreSQL's DEFERRABLE or
     * MATCH FULL keys, a unique constraint with NULLS NOT DISTINCT or INCLUDE.
     */
    private void dropConstraint(Change change, Phase phase, String table, ConstraintSnapshot constraint) {
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
            recreate = new ExecuteSql(sql.addConstraintAsDefined(table, constraintName, constraint.definition()), List.of());
            note(change, "the constraint " + constraint.describe() + " on " + table
                    + " has parts the typed operations cannot hold; the downgrade recreates it from the database's"
                    + " definition as plain SQL (op.execute): check it.");
        }
        if (constraintName == null && constraint.generatedName() != null) {
            // H2 generated the name: the drop uses it, the typed recreation carries a derived one.
            constraintName = constraint.generatedName();
        } else if (constraintName == null) {
            // A generated name not read: the drop needs the live name.
            note(change, "the constraint " + constraint.definition() + " on " + table
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

    /** Sets the column's comment, or removes it when {@code comment} is null. */
    private static AlterColumn comment(String table, String column, String comment) {
        return new AlterColumn(name(table), column, null, null, null, null, false, null, comment, comment == null);
    }

    private static AlterColumn rename(String table, String column, String newName) {
        return new AlterColumn(name(table), column, null, null, null, null, false, newName);
    }

    private static QualifiedName name(String name) {
        return SnapshotOperations.name(name);
    }
}
