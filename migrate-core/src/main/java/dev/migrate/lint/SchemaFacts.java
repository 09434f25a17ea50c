package dev.migrate.lint;

import dev.migrate.ops.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the revisions so far say about the schema, for rules that need more than one operation:
 * each column's type (is a type change binary-coercible?), whether it is nullable (does a primary key
 * set it NOT NULL?) and which columns have a validated {@code CHECK (col IS NOT NULL)} (then SET NOT
 * NULL skips its scan). Facts come from every
 * revision in upgrade order, linted or not: they describe the schema, not whether a table is empty.
 */
final class SchemaFacts {

    private final Map<String, ColumnType> columnTypes = new HashMap<>();
    private final Map<String, Boolean> nullability = new HashMap<>(); // "table.column" -> nullable
    private final Map<String, String> primaryKeys = new HashMap<>(); // table -> its primary key's name
    private final Map<String, String> indexTables = new HashMap<>(); // index -> its table
    private final Map<String, Set<String>> notNullChecks = new HashMap<>(); // "table.constraint" -> columns it proves NOT NULL
    private final java.util.Set<String> notValidChecks = new java.util.HashSet<>(); // "table.constraint"
    private final java.util.Set<String> tablesWithValidatedCheck = new java.util.HashSet<>();
    private final Set<String> validatedNotNull = new HashSet<>(); // "table.column"

    /** The table's facts go with it to its new name (the schema keeps describing the same rows). */
    void renameTable(String table, String renamed) {
        move(columnTypes, table, renamed);
        move(nullability, table, renamed);
        move(notNullChecks, table, renamed);
        moveAll(notValidChecks, table, renamed);
        moveAll(validatedNotNull, table, renamed);
        if (tablesWithValidatedCheck.remove(table)) {
            tablesWithValidatedCheck.add(renamed);
        }
        String key = primaryKeys.remove(table);
        if (key != null) {
            primaryKeys.put(renamed, key);
        }
        indexTables.replaceAll((index, on) -> on.equals(table) ? renamed : on);
    }

    /** The table is gone: nothing the revisions said about it holds for a table of that name created later. */
    void dropTable(String table) {
        columnTypes.keySet().removeIf(key -> of(key, table));
        nullability.keySet().removeIf(key -> of(key, table));
        notNullChecks.keySet().removeIf(key -> of(key, table));
        notValidChecks.removeIf(key -> of(key, table));
        validatedNotNull.removeIf(key -> of(key, table));
        tablesWithValidatedCheck.remove(table);
        primaryKeys.remove(table);
        indexTables.values().removeIf(table::equals);
    }

    /** Whether {@code key} is "table.x" of {@code table} (x without a dot: not a table of a schema named table). */
    private static boolean of(String key, String table) {
        return key.startsWith(table + ".") && key.indexOf('.', table.length() + 1) < 0;
    }

    private static <V> void move(Map<String, V> map, String table, String renamed) {
        Map<String, V> moved = new HashMap<>();
        map.keySet().removeIf(key -> {
            if (of(key, table)) {
                moved.put(renamed + key.substring(table.length()), map.get(key));
                return true;
            }
            return false;
        });
        map.putAll(moved);
    }

    private static void moveAll(Set<String> set, String table, String renamed) {
        Set<String> moved = new HashSet<>();
        set.removeIf(key -> of(key, table) && moved.add(renamed + key.substring(table.length())));
        set.addAll(moved);
    }

    void column(String table, String column, ColumnType type) {
        columnTypes.put(table + "." + column, type);
    }

    Optional<ColumnType> type(String table, String column) {
        return Optional.ofNullable(columnTypes.get(table + "." + column));
    }

    void index(String name, String table) {
        indexTables.put(name, table);
    }

    /** The table the revisions created index {@code name} on (PostgreSQL's DROP INDEX names none). */
    Optional<String> indexTable(String name) {
        return Optional.ofNullable(indexTables.get(name));
    }

    /** Whether the revisions gave {@code table} a column (it exists, unless a revision dropped it since). */
    boolean hasTable(String table) {
        return columnTypes.keySet().stream().anyMatch(key -> key.startsWith(table + "."));
    }

    void nullable(String table, String column, boolean nullable) {
        nullability.put(table + "." + column, nullable);
    }

    /** Whether the revisions left the column nullable; empty when they do not say (it came from execute). */
    Optional<Boolean> nullable(String table, String column) {
        return Optional.ofNullable(nullability.get(table + "." + column));
    }

    void primaryKey(String table, String name) {
        primaryKeys.put(table, name);
    }

    /** Whether {@code name} is the primary key the revisions gave {@code table}. */
    boolean isPrimaryKey(String table, String name) {
        return name.equals(primaryKeys.get(table));
    }

    void renameColumn(String table, String column, String newName) {
        ColumnType type = columnTypes.remove(table + "." + column);
        if (type != null) {
            columnTypes.put(table + "." + newName, type);
        }
        Boolean nullable = nullability.remove(table + "." + column);
        if (nullable != null) {
            nullability.put(table + "." + newName, nullable);
        }
        if (validatedNotNull.remove(table + "." + column)) {
            validatedNotNull.add(table + "." + newName);
        }
    }

    /** A check was added; {@code validated} when it was checked against the rows as it was added. */
    void check(String table, String constraint, String condition, boolean validated) {
        if (validated) {
            tablesWithValidatedCheck.add(table);
        } else {
            notValidChecks.add(table + "." + constraint);
        }
        Set<String> columns = notNullColumns(condition);
        if (!columns.isEmpty()) {
            notNullChecks.put(table + "." + constraint, columns);
        }
        if (validated) {
            columns.forEach(column -> validatedNotNull.add(table + "." + column));
        }
    }

    void validated(String table, String constraint) {
        if (notValidChecks.remove(table + "." + constraint)) {
            tablesWithValidatedCheck.add(table);
        }
        notNullChecks.getOrDefault(table + "." + constraint, Set.of()).forEach(column -> validatedNotNull.add(table + "." + column));
    }

    /** The table has a validated CHECK, which may prove a partition bound (ATTACH PARTITION then skips its scan). */
    boolean hasValidatedCheck(String table) {
        return tablesWithValidatedCheck.contains(table);
    }

    boolean hasValidatedNotNullCheck(String table, String column) {
        return validatedNotNull.contains(table + "." + column);
    }

    /**
     * The columns a CHECK proves NOT NULL: each {@code col IS NOT NULL} it requires, alone or as one side of a
     * top-level AND (PostgreSQL 12+ proves SET NOT NULL from such a conjunct, checked on PostgreSQL 15). A strict
     * comparison ({@code col > 0}) proves nothing: a CHECK passes when its condition is NULL.
     */
    private static Set<String> notNullColumns(String condition) {
        if (condition == null) {
            return Set.of();
        }
        Set<String> columns = new HashSet<>();
        for (String conjunct : topLevelAnd(condition.strip())) {
            java.util.regex.Matcher m = NOT_NULL.matcher(conjunct);
            if (m.matches()) {
                columns.add(m.group(1));
            }
        }
        return columns;
    }

    private static final java.util.regex.Pattern NOT_NULL = java.util.regex.Pattern.compile(
            "\\s*\\(?\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s+IS\\s+NOT\\s+NULL\\s*\\)?\\s*", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The condition's parts joined by AND outside parentheses and literals (one part without such an AND). */
    private static List<String> topLevelAnd(String condition) {
        String text = condition;
        while (text.startsWith("(") && closing(text, 0) == text.length() - 1) {
            text = text.substring(1, text.length() - 1).strip();
        }
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                i = end < 0 ? text.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && text.regionMatches(true, i, " AND ", 0, 5)) {
                parts.add(text.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
