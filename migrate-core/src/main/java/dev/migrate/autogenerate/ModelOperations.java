package dev.migrate.autogenerate;

import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A model's operations, indexed by table and name so that what the scratch snapshot shows can be
 * traced back to the model's typed operation (its {@link dev.migrate.ops.ColumnType}, its
 * {@link dev.migrate.ops.ServerDefault}). Foreign keys declared inside a {@code CreateTable} are
 * taken out of it, so that tables are created before the keys that point at them.
 */
final class ModelOperations {

    private final Map<String, CreateTable> tables = new LinkedHashMap<>();
    private final Map<String, List<TableConstraint>> constraints = new LinkedHashMap<>();
    private final Map<String, List<CreateIndex>> indexes = new LinkedHashMap<>();
    private final Map<String, CreateSequence> sequences = new LinkedHashMap<>();

    /** The schemas besides the compared one, lower case; their objects are named {@code schema.name}. */
    private final Set<String> others;

    ModelOperations(List<Operation> operations) {
        this(operations, Set.of());
    }

    /**
     * @param others the model's schemas besides the compared one: objects in them are looked up as
     *               {@code schema.name}, every other object by its name alone
     */
    ModelOperations(List<Operation> operations, Set<String> others) {
        this.others = others.stream().map(ModelOperations::key).collect(Collectors.toUnmodifiableSet());
        for (Operation operation : operations) {
            if (operation instanceof CreateTable create) {
                List<TableConstraint> kept = new ArrayList<>();
                for (TableConstraint constraint : create.constraints()) {
                    if (constraint instanceof TableConstraint.ForeignKey) {
                        constraintsOf(compared(create.table())).add(constraint);
                    } else {
                        kept.add(constraint);
                        constraintsOf(compared(create.table())).add(constraint);
                    }
                }
                tables.put(key(compared(create.table())), new CreateTable(create.table(), create.columns(), kept, create.comment()));
            } else if (operation instanceof AddConstraint add) {
                constraintsOf(compared(add.table())).add(add.constraint());
            } else if (operation instanceof CreateIndex index) {
                indexes.computeIfAbsent(key(compared(index.table())), k -> new ArrayList<>()).add(index);
            } else if (operation instanceof CreateSequence sequence) {
                sequences.put(key(compared(sequence.sequence())), sequence);
            }
        }
    }

    /**
     * The name autogenerate compares an object by: {@code name} in the compared schema, {@code schema.name}
     * in another schema of the model.
     */
    String compared(QualifiedName name) {
        return name.schema() != null && others.contains(key(name.schema())) ? name.schema() + "." + name.name() : name.name();
    }

    /** The operations as the scratch schema runs them: unqualified (the scratch schema is the default), nothing concurrent. */
    static List<Operation> forScratch(List<Operation> operations) {
        return forScratch(operations, schema -> null);
    }

    /**
     * The operations as scratch schemas run them, each object moved to the schema {@code scratch}
     * gives for its own (null for the session's default), nothing concurrent, foreign keys last.
     */
    static List<Operation> forScratch(List<Operation> operations, UnaryOperator<String> scratch) {
        List<Operation> result = new ArrayList<>();
        List<Operation> foreignKeys = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof CreateTable create) {
                List<TableConstraint> kept = new ArrayList<>();
                for (TableConstraint constraint : create.constraints()) {
                    if (constraint instanceof TableConstraint.ForeignKey) {
                        foreignKeys.add(new AddConstraint(local(scratch, create.table()), local(scratch, constraint)));
                    } else {
                        kept.add(constraint);
                    }
                }
                result.add(new CreateTable(local(scratch, create.table()), create.columns(), kept, create.comment()));
            } else if (operation instanceof AddConstraint add) {
                (add.constraint() instanceof TableConstraint.ForeignKey ? foreignKeys : result)
                        .add(new AddConstraint(local(scratch, add.table()), local(scratch, add.constraint())));
            } else if (operation instanceof CreateIndex index) {
                result.add(new CreateIndex(index.name(), local(scratch, index.table()), index.keys(), index.unique(), index.where(), false));
            } else if (operation instanceof CreateSequence sequence) {
                result.add(new CreateSequence(local(scratch, sequence.sequence()), sequence.start(), sequence.increment(),
                        sequence.noCache()));
            } else {
                result.add(operation);
            }
        }
        result.addAll(foreignKeys);
        return result;
    }

    Optional<CreateTable> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    Optional<Column> column(String table, String column) {
        return table(table).flatMap(t -> t.columns().stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst());
    }

    Optional<TableConstraint> constraint(String table, String name) {
        return name == null ? Optional.empty()
                : constraintsOf(table).stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Where the constraint {@code name} comes in the model's own order for {@code table}; after every
     * model constraint when the model has none of that name.
     */
    int constraintPosition(String table, String name) {
        return position(constraintsOf(table), TableConstraint::name, name);
    }

    /** Where the index {@code name} comes in the model's own order for {@code table}, as {@link #constraintPosition}. */
    int indexPosition(String table, String name) {
        return position(indexes.getOrDefault(key(table), List.of()), CreateIndex::name, name);
    }

    private static <T> int position(List<T> own, java.util.function.Function<T, String> nameOf, String name) {
        for (int i = 0; name != null && i < own.size(); i++) {
            if (name.equalsIgnoreCase(nameOf.apply(own.get(i)))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The table's constraints that are not part of its {@code CreateTable} (added by {@code AddConstraint}, or foreign keys). */
    List<TableConstraint> separateConstraints(String table) {
        List<TableConstraint> inTable = table(table).map(CreateTable::constraints).orElse(List.of());
        return constraintsOf(table).stream().filter(c -> !inTable.contains(c)).toList();
    }

    Optional<CreateIndex> index(String table, String name) {
        return indexes.getOrDefault(key(table), List.of()).stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
    }

    Optional<CreateSequence> sequence(String name) {
        return Optional.ofNullable(sequences.get(key(name)));
    }

    private List<TableConstraint> constraintsOf(String table) {
        return constraints.computeIfAbsent(key(table), k -> new ArrayList<>());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static QualifiedName local(UnaryOperator<String> scratch, QualifiedName name) {
        String schema = scratch.apply(name.schema());
        return Objects.equals(schema, name.schema()) ? name : new QualifiedName(schema, name.name());
    }

    private static TableConstraint local(UnaryOperator<String> scratch, TableConstraint constraint) {
        if (constraint instanceof TableConstraint.ForeignKey fk) {
            QualifiedName target = local(scratch, fk.referencedTable());
            if (target != fk.referencedTable()) {
                return new TableConstraint.ForeignKey(fk.name(), fk.columns(), target, fk.referencedColumns(),
                        fk.onDelete(), fk.onUpdate());
            }
        }
        return constraint;
    }
}
