package dev.migrate.autogenerate;

import dev.migrate.MigrateException;
import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.IndexSnapshot;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the database's snapshot with the model's (taken from a scratch schema of the same
 * database, see {@link ScratchSchema}), so both sides are in the database's own words. Tables and
 * columns match by name (case-insensitive); foreign keys by columns, referenced table and columns
 * and actions, never by their generated names; unique constraints by columns; checks by their
 * definition; indexes by columns, uniqueness and predicate; table and column comments by their text
 * (an empty comment is none). Primary keys are not compared.
 */
final class SchemaComparator {

    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\s+NOT VALID$");
    private static final Pattern DEFAULT_TIME_PRECISION =
            Pattern.compile("(?i)^(timestamp|time)\\(6\\)( with(?:out)? time zone)$");

    // H2 lists the sequences behind identity columns under generated names.
    private static final String SYSTEM_SEQUENCE = "system_sequence_";

    private final ModelOperations model;
    private final AutogenerateOptions options;
    private final Set<String> bookkeeping;
    private final List<Change> changes = new ArrayList<>();

    private SchemaComparator(ModelOperations model, AutogenerateOptions options, Collection<String> bookkeeping) {
        this.model = model;
        this.options = options;
        this.bookkeeping = lower(bookkeeping);
    }

    /**
     * The changes that turn {@code database} into {@code modelSnapshot}.
     *
     * @param bookkeeping migrate's own tables, never compared
     */
    static List<Change> compare(SchemaSnapshot database, SchemaSnapshot modelSnapshot, ModelOperations model,
                                AutogenerateOptions options, Collection<String> bookkeeping) {
        SchemaComparator comparator = new SchemaComparator(model, options, bookkeeping);
        comparator.compareTables(database, modelSnapshot);
        comparator.compareSequences(database, modelSnapshot);
        return List.copyOf(comparator.changes);
    }

    private void compareTables(SchemaSnapshot database, SchemaSnapshot modelSnapshot) {
        Map<String, TableSnapshot> existing = byName(database.tables().stream()
                .filter(t -> !bookkeeping.contains(key(t.name()))).toList(), TableSnapshot::name);
        Map<String, TableSnapshot> wanted = byName(modelSnapshot.tables(), TableSnapshot::name);
        for (AutogenerateOptions.Rename rename : options.renames()) {
            if (!rename.isTable()) {
                continue;
            }
            TableSnapshot old = existing.get(key(rename.from()));
            if (old == null || !wanted.containsKey(key(rename.to())) || existing.containsKey(key(rename.to()))) {
                throw new MigrateException("migrate.renames: " + rename.from() + ":" + rename.to() + " does not apply: the "
                        + "database must have table " + rename.from() + " and the model table " + rename.to()
                        + " (and not the other way round); remove the pair or fix the names.");
            }
            existing.remove(key(rename.from()));
            String newName = wanted.get(key(rename.to())).name();
            existing.put(key(rename.to()), renamedTable(old, newName));
            changes.add(new Change.TableRenamed(old.name(), newName));
        }
        wanted.forEach((name, table) -> {
            TableSnapshot current = existing.get(name);
            if (current == null) {
                addTable(table);
            } else {
                compareTable(current, table);
            }
        });
        if (options.dropUnmapped()) {
            existing.forEach((name, table) -> {
                if (!wanted.containsKey(name)) {
                    changes.add(new Change.TableDropped(table));
                }
            });
        }
    }

    private void addTable(TableSnapshot table) {
        CreateTable create = model.table(table.name()).map(c -> new CreateTable(c.table(), c.columns(), c.constraints(),
                c.comment())).orElseGet(() -> SnapshotOperations.createTable(table));
        changes.add(new Change.TableAdded(create));
        Set<String> createdWithTable = new HashSet<>();
        create.constraints().forEach(c -> createdWithTable.add(key(c.name())));
        for (Column column : create.columns()) {
            if (column.type() instanceof ColumnType.EnumCheck) {
                createdWithTable.add(key(table.name() + "_" + column.name() + "_check"));
            }
            // MariaDB names a column's own check after the column: the one its json type brings
            // (json_valid), which the column creates again wherever the table is created.
            createdWithTable.add(key(column.name()));
        }
        // In the model's order, not the catalog's: MariaDB lists a table's keys (and the index it makes
        // for each foreign key) in the order they were added, so the table reads as the model's own export.
        List<ConstraintSnapshot> constraints = table.constraints().stream()
                .sorted(Comparator.comparingInt(c -> model.constraintPosition(table.name(), c.name()))).toList();
        for (ConstraintSnapshot constraint : constraints) {
            boolean withTable = constraint.kind() == ConstraintSnapshot.Kind.PRIMARY_KEY
                    || constraint.kind() != ConstraintSnapshot.Kind.FOREIGN_KEY && (constraint.name() == null
                    || createdWithTable.contains(key(constraint.name())));
            if (!withTable) {
                addConstraint(table.name(), constraint);
            }
        }
        table.indexes().stream().sorted(Comparator.comparingInt(index -> model.indexPosition(table.name(), index.name())))
                .forEach(index -> addIndex(table.name(), index));
    }

    private void compareTable(TableSnapshot current, TableSnapshot wanted) {
        String table = wanted.name();
        for (AutogenerateOptions.Rename rename : options.renames()) {
            if (rename.matchesTable(table)) {
                current = renameColumn(current, wanted, rename);
            }
        }
        if (!Objects.equals(current.comment(), wanted.comment())) {
            changes.add(new Change.TableCommentChanged(table, current.comment(), wanted.comment()));
        }
        Map<String, ColumnSnapshot> columns = byName(current.columns(), ColumnSnapshot::name);
        Map<String, ColumnSnapshot> wantedColumns = byName(wanted.columns(), ColumnSnapshot::name);
        for (ColumnSnapshot column : wanted.columns()) {
            ColumnSnapshot existing = columns.get(key(column.name()));
            if (existing == null) {
                Column typed = model.column(table, column.name()).orElseGet(() -> SnapshotOperations.column(column));
                changes.add(new Change.ColumnAdded(table, typed, column.type()));
            } else {
                compareColumn(table, existing, column);
            }
        }
        for (ColumnSnapshot column : current.columns()) {
            if (!wantedColumns.containsKey(key(column.name()))) {
                changes.add(new Change.ColumnDropped(table, column));
            }
        }
        compareIndexes(table, current, wanted);
        compareConstraints(table, current, wanted);
    }

    private void compareColumn(String table, ColumnSnapshot existing, ColumnSnapshot wanted) {
        String column = wanted.name();
        if (!normalType(existing.type()).equalsIgnoreCase(normalType(wanted.type()))) {
            ColumnType type = model.column(table, column).map(Column::type).orElseGet(() -> ColumnType.sql(wanted.type()));
            changes.add(new Change.TypeChanged(table, column, existing.type(), wanted.type(), type));
        }
        if (existing.nullable() != wanted.nullable() && !generated(wanted.defaultValue())) {
            changes.add(new Change.NullabilityChanged(table, column, wanted.nullable()));
        }
        String from = existing.defaultValue();
        String to = wanted.defaultValue();
        if (!Objects.equals(from == null ? null : normal(from), to == null ? null : normal(to))) {
            if (generated(from) || generated(to)) {
                changes.add(new Change.IdentityChanged(table, column, from, to));
            } else {
                changes.add(new Change.DefaultChanged(table, column, from, to,
                        to == null ? null : model.column(table, column).map(Column::serverDefault).orElse(null)));
            }
        }
        if (!Objects.equals(existing.comment(), wanted.comment())) {
            changes.add(new Change.ColumnCommentChanged(table, column, existing.comment(), wanted.comment()));
        }
    }

    private void compareIndexes(String table, TableSnapshot current, TableSnapshot wanted) {
        Map<String, IndexSnapshot> existing = byName(current.indexes(), SchemaComparator::indexKey);
        Map<String, IndexSnapshot> target = byName(wanted.indexes(), SchemaComparator::indexKey);
        target.forEach((k, index) -> {
            if (!existing.containsKey(k)) {
                addIndex(table, index);
            }
        });
        existing.forEach((k, index) -> {
            if (!target.containsKey(k)) {
                changes.add(new Change.IndexDropped(table, index));
            }
        });
    }

    private void compareConstraints(String table, TableSnapshot current, TableSnapshot wanted) {
        Map<String, ConstraintSnapshot> existing = byName(compared(current), SchemaComparator::constraintKey);
        Map<String, ConstraintSnapshot> target = byName(compared(wanted), SchemaComparator::constraintKey);
        target.forEach((k, constraint) -> {
            if (!existing.containsKey(k)) {
                addConstraint(table, constraint);
            }
        });
        existing.forEach((k, constraint) -> {
            if (!target.containsKey(k)) {
                switch (constraint.kind()) {
                    case UNIQUE -> changes.add(new Change.UniqueDropped(table, constraint));
                    case FOREIGN_KEY -> changes.add(new Change.ForeignKeyDropped(table, constraint));
                    default -> changes.add(new Change.CheckDropped(table, constraint));
                }
            }
        });
    }

    private void addIndex(String table, IndexSnapshot index) {
        changes.add(new Change.IndexAdded(model.index(table, index.name())
                .orElseGet(() -> SnapshotOperations.createIndex(table, index))));
    }

    /** The model's typed constraint of the same name, else one read back from the scratch snapshot. */
    private void addConstraint(String table, ConstraintSnapshot constraint) {
        Optional<TableConstraint> typed = model.constraint(table, constraint.name());
        switch (constraint.kind()) {
            case UNIQUE -> {
                TableConstraint.Unique unique = typed.filter(TableConstraint.Unique.class::isInstance)
                        .map(TableConstraint.Unique.class::cast)
                        .or(() -> SnapshotOperations.unique(table, constraint)).orElseThrow(() -> unreadable(table, constraint));
                changes.add(new Change.UniqueAdded(table, unique));
            }
            case FOREIGN_KEY -> {
                TableConstraint.ForeignKey foreignKey = typed.filter(TableConstraint.ForeignKey.class::isInstance)
                        .map(TableConstraint.ForeignKey.class::cast)
                        .or(() -> SnapshotOperations.foreignKey(table, constraint)).orElseThrow(() -> unreadable(table, constraint));
                changes.add(new Change.ForeignKeyAdded(table, foreignKey));
            }
            case CHECK -> {
                TableConstraint.Check check = typed.filter(TableConstraint.Check.class::isInstance)
                        .map(TableConstraint.Check.class::cast)
                        .orElseGet(() -> SnapshotOperations.check(table, constraint));
                changes.add(new Change.CheckAdded(table, check));
            }
            default -> {
                // primary keys are not compared
            }
        }
    }

    private static MigrateException unreadable(String table, ConstraintSnapshot constraint) {
        return new MigrateException("Autogenerate cannot express the model's constraint on " + table + " as a typed "
                + "operation: " + constraint.definition() + "; write this part of the revision by hand.");
    }

    private void compareSequences(SchemaSnapshot database, SchemaSnapshot modelSnapshot) {
        Set<String> existing = lower(database.sequenceNames());
        Set<String> wanted = lower(modelSnapshot.sequenceNames());
        for (String name : modelSnapshot.sequenceNames()) {
            if (!existing.contains(key(name)) && !systemSequence(name)) {
                changes.add(new Change.SequenceAdded(model.sequence(name)
                        .orElseGet(() -> new CreateSequence(SnapshotOperations.name(name), null, null))));
            }
        }
        for (SequenceSnapshot sequence : modelSnapshot.sequences()) {
            if (!systemSequence(sequence.name())) {
                database.sequence(sequence.name()).filter(current -> current.start() != sequence.start()
                                || current.increment() != sequence.increment())
                        .ifPresent(current -> changes.add(new Change.SequenceChanged(current,
                                new SequenceSnapshot(current.name(), sequence.start(), sequence.increment()))));
            }
        }
        if (options.dropUnmapped()) {
            for (SequenceSnapshot sequence : database.sequences()) {
                if (!wanted.contains(key(sequence.name())) && !systemSequence(sequence.name())) {
                    changes.add(new Change.SequenceDropped(sequence.name(), sequence));
                }
            }
        }
    }

    /** H2's sequence behind an identity column, in any schema. */
    private static boolean systemSequence(String name) {
        return key(name.substring(name.indexOf('.') + 1)).startsWith(SYSTEM_SEQUENCE);
    }

    private TableSnapshot renameColumn(TableSnapshot current, TableSnapshot wanted, AutogenerateOptions.Rename rename) {
        boolean hasOld = current.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(rename.from()));
        Optional<ColumnSnapshot> newColumn = wanted.columns().stream().filter(c -> c.name().equalsIgnoreCase(rename.to())).findFirst();
        boolean hasNew = current.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(rename.to()));
        if (!hasOld || newColumn.isEmpty() || hasNew) {
            throw new MigrateException("migrate.renames: " + rename.table() + "." + rename.from() + ":" + rename.table() + "."
                    + rename.to() + " does not apply: the database's " + current.name() + " must have the column "
                    + rename.from() + " and the model's the column " + rename.to() + "; remove the pair or fix the names.");
        }
        String oldName = current.columns().stream().filter(c -> c.name().equalsIgnoreCase(rename.from())).findFirst()
                .orElseThrow().name();
        String to = newColumn.get().name();
        changes.add(new Change.ColumnRenamed(wanted.name(), oldName, to));
        Function<String, String> rewrite = text -> replaceName(text, oldName, to);
        return new TableSnapshot(current.name(),
                current.columns().stream().map(c -> c.name().equals(oldName)
                        ? new ColumnSnapshot(to, c.type(), c.nullable(), c.defaultValue(), c.comment()) : c).toList(),
                current.indexes().stream().map(i -> new IndexSnapshot(i.name(), i.columns().stream().map(rewrite).toList(),
                        i.unique(), i.predicate() == null ? null : rewrite.apply(i.predicate()))).toList(),
                current.constraints().stream().map(c -> c.withDefinition(rewrite.apply(c.definition()))).toList(),
                current.comment());
    }

    private static TableSnapshot renamedTable(TableSnapshot table, String newName) {
        return new TableSnapshot(newName, table.columns(), table.indexes(), table.constraints().stream()
                .map(c -> c.withDefinition(replaceName(c.definition(), table.name(), newName)))
                .toList(), table.comment());
    }

    /** {@code text} with the identifier {@code from} (bare or quoted, as a whole word) replaced by {@code to}. */
    private static String replaceName(String text, String from, String to) {
        Pattern name = Pattern.compile("(?<![A-Za-z0-9_$\"])\"?" + Pattern.quote(from) + "\"?(?![A-Za-z0-9_$\"])",
                Pattern.CASE_INSENSITIVE);
        return name.matcher(text).replaceAll(Matcher.quoteReplacement(to));
    }

    private static List<ConstraintSnapshot> compared(TableSnapshot table) {
        return table.constraints().stream().filter(c -> c.kind() != ConstraintSnapshot.Kind.PRIMARY_KEY).toList();
    }

    /**
     * An index by name and definition: the same name over other columns (or in another order), or
     * the same columns under another name (a renamed {@code @Index}), is one index dropped and one added.
     */
    private static String indexKey(IndexSnapshot index) {
        return key(index.name()) + " " + key(String.join(",", index.columns()).replace("\"", "")) + (index.unique() ? " unique" : "")
                + (index.predicate() == null ? "" : " where " + normal(index.predicate()));
    }

    private static String constraintKey(ConstraintSnapshot constraint) {
        // Added NOT VALID (the safe form on a table with rows), it is still the constraint the model asks
        // for: its rows' validation is state, not structure, and no entity can say it.
        String definition = NOT_VALID.matcher(normal(constraint.definition())).replaceFirst("");
        return constraint.kind() + " " + (constraint.kind() == ConstraintSnapshot.Kind.CHECK ? definition
                : key(definition.replace("\"", "")));
    }

    private static boolean generated(String defaultValue) {
        return defaultValue != null && (defaultValue.toUpperCase(Locale.ROOT).startsWith("GENERATED")
                || defaultValue.equalsIgnoreCase("AUTO_INCREMENT"));
    }

    /**
     * A type as compared: PostgreSQL spells a timestamp or time with its default precision spelled
     * out ({@code timestamp(6) without time zone}, as Hibernate declares it) apart from the same type
     * without it ({@code timestamp without time zone}, as {@code ColumnType.TIMESTAMP} creates it).
     */
    private static String normalType(String type) {
        return DEFAULT_TIME_PRECISION.matcher(normal(type)).replaceFirst("$1$2");
    }

    private static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Set<String> lower(Collection<String> names) {
        Set<String> set = new HashSet<>();
        names.forEach(n -> set.add(key(n)));
        return set;
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(key(name.apply(item)), item));
        return map;
    }
}
