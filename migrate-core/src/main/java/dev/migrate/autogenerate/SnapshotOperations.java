package dev.migrate.autogenerate;

import dev.migrate.dialect.ColumnSnapshot;
import dev.migrate.dialect.ConstraintSnapshot;
import dev.migrate.dialect.IndexSnapshot;
import dev.migrate.dialect.TableSnapshot;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.IndexKey;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.ReferentialAction;
import dev.migrate.ops.ServerDefault;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed operations that recreate what a database snapshot shows, in the database's own words
 * ({@code ColumnType.sql("character varying(40)")}, defaults as {@code defaultSql}): what a
 * downgrade needs to bring back a dropped table, column, index or constraint.
 */
final class SnapshotOperations {

    private static final Pattern COLUMNS = Pattern.compile("^(?:PRIMARY KEY|UNIQUE)(?: NULLS NOT DISTINCT)? \\((.+)\\)$");
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "^FOREIGN KEY \\((.+?)\\) REFERENCES (.+?) ?\\((.+?)\\)(.*)$");
    private static final Pattern ACTION = Pattern.compile("ON (UPDATE|DELETE) (NO ACTION|RESTRICT|CASCADE|SET NULL|SET DEFAULT)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private SnapshotOperations() {
    }

    static CreateTable createTable(TableSnapshot table) {
        List<Column> columns = table.columns().stream().map(SnapshotOperations::column).toList();
        List<TableConstraint> constraints = new ArrayList<>();
        for (ConstraintSnapshot constraint : table.constraints()) {
            switch (constraint.kind()) {
                case PRIMARY_KEY -> columnsOf(constraint).ifPresent(c -> constraints.add(
                        new TableConstraint.PrimaryKey(nameOr(constraint, table.name() + "_pkey"), c)));
                case UNIQUE -> unique(table.name(), constraint).ifPresent(constraints::add);
                case CHECK -> constraints.add(check(table.name(), constraint));
                default -> {
                    // foreign keys are added after every table exists
                }
            }
        }
        return new CreateTable(name(table.name()), columns, constraints, table.comment());
    }

    /**
     * The name of an object autogenerate compares: {@code name} in the compared schema,
     * {@code schema.name} in another schema the model names (see {@link SchemaPlacement}).
     */
    static QualifiedName name(String compared) {
        int dot = compared.indexOf('.');
        return dot > 0 && dot < compared.length() - 1 ? QualifiedName.of(compared.substring(0, dot), compared.substring(dot + 1))
                : QualifiedName.of(null, compared);
    }

    static Column column(ColumnSnapshot column) {
        String value = column.defaultValue();
        // MariaDB's snapshot says AUTO_INCREMENT where the others say GENERATED ... AS IDENTITY.
        boolean identity = value != null && (value.toUpperCase(Locale.ROOT).contains("AS IDENTITY")
                || value.equalsIgnoreCase("AUTO_INCREMENT"));
        boolean generated = value != null && value.toUpperCase(Locale.ROOT).startsWith("GENERATED");
        ColumnType type = identity ? integerType(column.type()).orElse(ColumnType.sql(column.type())) : ColumnType.sql(column.type());
        if (identity && !(type instanceof ColumnType.Basic)) {
            identity = false;
        }
        ServerDefault serverDefault = value == null || generated || identity ? null : ServerDefault.sql(value);
        return new Column(column.name(), type, column.nullable() && !identity, serverDefault, identity, column.comment());
    }

    static CreateIndex createIndex(String table, IndexSnapshot index) {
        List<IndexKey> keys = index.columns().stream()
                .map(SnapshotOperations::indexKey).toList();
        return new CreateIndex(index.name(), name(table), keys, index.unique(), index.predicate(), false);
    }

    /** A key as the introspector lists it: a column, a column in descending order ({@code X DESC}), else an expression. */
    static IndexKey indexKey(String key) {
        IndexKey asColumn = IndexKey.column(key);
        String name = unquote(asColumn.columnName());
        if (!IDENTIFIER.matcher(name).matches()) {
            return IndexKey.expression(key);
        }
        return asColumn.descending() ? IndexKey.descending(name) : IndexKey.column(name);
    }

    static Optional<TableConstraint.Unique> unique(String table, ConstraintSnapshot constraint) {
        return columnsOf(constraint).map(c -> new TableConstraint.Unique(
                nameOr(constraint, table + "_" + String.join("_", c) + "_key"), c));
    }

    static TableConstraint.Check check(String table, ConstraintSnapshot constraint) {
        String definition = constraint.definition().strip();
        String condition = definition.regionMatches(true, 0, "CHECK", 0, 5) ? definition.substring(5).strip() : definition;
        if (condition.startsWith("(") && condition.endsWith(")") && balanced(condition.substring(1, condition.length() - 1))) {
            condition = condition.substring(1, condition.length() - 1);
        }
        return new TableConstraint.Check(nameOr(constraint, table + "_check"), condition);
    }

    /** The foreign key a snapshot's definition describes; empty when the definition has parts a typed key cannot hold. */
    static Optional<TableConstraint.ForeignKey> foreignKey(String table, ConstraintSnapshot constraint) {
        Matcher matcher = FOREIGN_KEY.matcher(constraint.definition().strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> columns = names(matcher.group(1));
        String rest = matcher.group(4);
        ReferentialAction onDelete = null;
        ReferentialAction onUpdate = null;
        Matcher action = ACTION.matcher(rest);
        String leftover = ACTION.matcher(rest).replaceAll("").strip();
        if (!leftover.isEmpty()) {
            return Optional.empty(); // MATCH FULL, DEFERRABLE, ...
        }
        while (action.find()) {
            ReferentialAction value = ReferentialAction.valueOf(action.group(2).replace(' ', '_'));
            if (action.group(1).equals("DELETE")) {
                onDelete = value;
            } else {
                onUpdate = value;
            }
        }
        String referenced = matcher.group(2).strip();
        List<String> parts = names(referenced.replace('.', ','));
        QualifiedName target = parts.size() == 2 ? QualifiedName.of(parts.get(0), parts.get(1)) : QualifiedName.of(null, parts.get(0));
        return Optional.of(new TableConstraint.ForeignKey(nameOr(constraint, table + "_" + String.join("_", columns) + "_fkey"),
                columns, target, names(matcher.group(3)), onDelete, onUpdate));
    }

    private static Optional<List<String>> columnsOf(ConstraintSnapshot constraint) {
        Matcher matcher = COLUMNS.matcher(constraint.definition().strip());
        return matcher.matches() ? Optional.of(names(matcher.group(1))) : Optional.empty();
    }

    private static Optional<ColumnType> integerType(String spelling) {
        return switch (spelling.toLowerCase(Locale.ROOT)) {
            case "integer", "int", "int4" -> Optional.of(ColumnType.INTEGER);
            case "bigint", "int8" -> Optional.of(ColumnType.BIGINT);
            case "smallint", "int2" -> Optional.of(ColumnType.SMALLINT);
            default -> Optional.empty();
        };
    }

    private static String nameOr(ConstraintSnapshot constraint, String derived) {
        return constraint.name() != null ? constraint.name() : derived;
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            names.add(unquote(part.strip()));
        }
        return names;
    }

    private static String unquote(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
