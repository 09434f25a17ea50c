package dev.migrate.autogenerate;

import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.SchemaSnapshot;
import dev.migrate.dialect.SequenceSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Operation;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model's objects live: the compared schema ({@code migrate.schema}, else the connection's
 * own), the home of every object the model does not place, and the other schemas the model names
 * ({@code @Table(schema = "audit")}). Several schemas are compared as one snapshot in which the home
 * schema's objects keep their names and the others' are named {@code schema.name}, foreign keys
 * naming their target the same way (a target in the home schema in full when the key is in another
 * one), so that one comparison covers them all.
 *
 * @param home   the compared schema's name as the database stores it
 * @param others the other schemas the model names, in the model's order, never {@code home}
 */
record SchemaPlacement(String home, List<String> others) {

    // REFERENCES [schema.]table( with the table maybe quoted; the introspectors never quote the schema.
    private static final Pattern REFERENCE = Pattern.compile(
            "REFERENCES (?:([^\\s(\".]+|\"(?:[^\"]|\"\")*\")\\.)?([^\\s(\".]+|\"(?:[^\"]|\"\")*\") ?\\(");

    SchemaPlacement {
        others = List.copyOf(others);
    }

    /** The schemas {@code operations} name besides {@code home} (compared without regard to case; null names none). */
    static List<String> otherSchemas(List<Operation> operations, String home) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> others = new ArrayList<>();
        for (Operation operation : operations) {
            for (QualifiedName name : names(operation)) {
                String schema = name.schema();
                if (schema != null && !schema.equalsIgnoreCase(home) && seen.add(key(schema))) {
                    others.add(schema);
                }
            }
        }
        return others;
    }

    private static List<QualifiedName> names(Operation operation) {
        List<QualifiedName> names = new ArrayList<>();
        if (operation instanceof CreateTable create) {
            names.add(create.table());
            create.constraints().forEach(c -> target(c, names));
        } else if (operation instanceof AddConstraint add) {
            names.add(add.table());
            target(add.constraint(), names);
        } else if (operation instanceof CreateIndex index) {
            names.add(index.table());
        } else if (operation instanceof CreateSequence sequence) {
            names.add(sequence.sequence());
        }
        return names;
    }

    private static void target(TableConstraint constraint, List<QualifiedName> names) {
        if (constraint instanceof TableConstraint.ForeignKey fk) {
            names.add(fk.referencedTable());
        }
    }

    /**
     * {@code operations} with the home schema's objects unqualified (as the run's default schema
     * names them), except as the target of a foreign key from another schema: H2 and MariaDB look for
     * an unqualified target in the referencing table's schema, so that one names the home schema.
     */
    List<Operation> atHome(List<Operation> operations) {
        List<Operation> result = new ArrayList<>();
        for (Operation operation : ModelOperations.forScratch(operations, schema -> isHome(schema) ? null : schema)) {
            if (operation instanceof AddConstraint add && add.table().schema() != null
                    && add.constraint() instanceof TableConstraint.ForeignKey fk && fk.referencedTable().schema() == null) {
                result.add(new AddConstraint(add.table(), new TableConstraint.ForeignKey(fk.name(), fk.columns(),
                        QualifiedName.of(home, fk.referencedTable().name()), fk.referencedColumns(), fk.onDelete(),
                        fk.onUpdate())));
            } else {
                result.add(operation);
            }
        }
        return result;
    }

    /** True when {@code schema} is the home schema: null, or its name. */
    boolean isHome(String schema) {
        return schema == null || schema.equalsIgnoreCase(home);
    }

    /**
     * One snapshot of several schemas: the home schema's objects by their names, the others' as
     * {@code schema.name}, foreign keys naming a target in another schema than the home one as
     * {@code schema.table}.
     *
     * @param snapshots each schema's snapshot by its name in the model (null for the home schema)
     * @param realName  the model's name for a schema a foreign key's definition names (a scratch
     *                  schema's name gives the schema it stands for)
     */
    SchemaSnapshot combine(Map<String, SchemaSnapshot> snapshots, UnaryOperator<String> realName) {
        List<TableSnapshot> tables = new ArrayList<>();
        List<SequenceSnapshot> sequences = new ArrayList<>();
        snapshots.forEach((schema, snapshot) -> {
            String own = isHome(schema) ? null : schema;
            for (TableSnapshot table : snapshot.tables()) {
                List<ConstraintSnapshot> constraints = table.constraints().stream().map(c -> c.kind()
                        == ConstraintSnapshot.Kind.FOREIGN_KEY ? c.withDefinition(reference(c.definition(), own, realName))
                        : c).toList();
                tables.add(new TableSnapshot(qualified(own, table.name()), table.columns(), table.indexes(), constraints,
                        table.comment()));
            }
            for (SequenceSnapshot sequence : snapshot.sequences()) {
                sequences.add(new SequenceSnapshot(qualified(own, sequence.name()), sequence.start(), sequence.increment()));
            }
        });
        return new SchemaSnapshot(tables, sequences);
    }

    private String reference(String definition, String own, UnaryOperator<String> realName) {
        Matcher matcher = REFERENCE.matcher(definition);
        if (!matcher.find()) {
            return definition;
        }
        String schema = matcher.group(1) == null ? own : realName.apply(matcher.group(1));
        String target = (isHome(schema) ? own == null ? "" : home + "." : schema + ".") + matcher.group(2);
        return definition.substring(0, matcher.start()) + "REFERENCES " + target + "(" + definition.substring(matcher.end());
    }

    private static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
