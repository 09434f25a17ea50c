package dev.migrate.lint;

import dev.migrate.ops.ColumnType;
import java.util.List;
import java.util.Locale;

/**
 * What MariaDB 10.11's InnoDB can do without copying the table, per action: the cheapest
 * {@code ALGORITHM} it supports (INSTANT: metadata only; NOCOPY: no table rebuild; INPLACE: rebuilds
 * in place, writes allowed; COPY: copies the table, writes blocked). From the MariaDB manual's
 * "InnoDB Online DDL Operations" pages.
 */
final class MariaDbAlgorithms {

    /** In order of cost: a statement asking for a level below what an action needs is refused. */
    enum Level {
        INSTANT, NOCOPY, INPLACE, COPY;

        /** {@code DEFAULT} or an unknown word: null (nothing asked for). */
        static Level parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** utf8mb4: 4 bytes a character; a VARCHAR of up to 255 bytes keeps its length in 1 byte, longer ones in 2. */
    private static final int BYTES_PER_CHAR = 4;
    /**
     * InnoDB (ROW_FORMAT COMPACT/DYNAMIC) writes a value of up to 127 bytes with a 1-byte length in either
     * size class, so a VARCHAR of at most 127 bytes widens instantly to any length (checked on 10.11:
     * VARCHAR(31) -> VARCHAR(100) is INSTANT, VARCHAR(32) -> VARCHAR(100) copies).
     */
    private static final int SHORT_BYTES = 127;

    private MariaDbAlgorithms() {
    }

    /**
     * Same type, or a VARCHAR widened without its length prefix growing from 1 to 2 bytes, or widened from
     * at most 127 bytes: instant.
     */
    static boolean typeChangeInPlace(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        List<String> oldValues = enumValues(from);
        List<String> newValues = enumValues(to);
        if (oldValues != null && newValues != null) {
            return appendsEnumValues(oldValues, newValues);
        }
        return from instanceof ColumnType.Varchar a && to instanceof ColumnType.Varchar b && b.length() >= a.length()
                && (a.length() * BYTES_PER_CHAR <= SHORT_BYTES
                        || (a.length() * BYTES_PER_CHAR <= 255) == (b.length() * BYTES_PER_CHAR <= 255));
    }

    private static final java.util.regex.Pattern ENUM = java.util.regex.Pattern.compile("(?is)\\s*enum\\s*\\((.*)\\)\\s*");
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'((?:[^']|'')*)'");

    /** An ENUM's values in order, or null for another type. */
    static List<String> enumValues(ColumnType type) {
        if (!(type instanceof ColumnType.Sql sql)) {
            return null;
        }
        java.util.regex.Matcher m = ENUM.matcher(sql.definition());
        if (!m.matches()) {
            return null;
        }
        List<String> values = new java.util.ArrayList<>();
        java.util.regex.Matcher value = QUOTED.matcher(m.group(1));
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }

    /**
     * InnoDB stores an ENUM as the value's position: appending values keeps every stored number (instant,
     * while the count stays within the same 1- or 2-byte storage); inserting one in the middle, reordering
     * or removing renumbers the rows, so the table is copied (checked on 10.11).
     */
    private static boolean appendsEnumValues(List<String> from, List<String> to) {
        return to.size() >= from.size() && to.subList(0, from.size()).equals(from) && (from.size() > 255) == (to.size() > 255);
    }

    /**
     * The cheapest algorithm for the action, or null when the lint does not judge it.
     *
     * @param statement        every action of the ALTER TABLE the action is part of
     * @param foreignKeyChecks whether the session checks foreign keys ({@code SET foreign_key_checks = 0} turns it off)
     */
    static Level best(SqlFact action, List<SqlFact> statement, SchemaFacts facts, boolean foreignKeyChecks) {
        if (action instanceof SqlFact.DropPrimaryKey drop) {
            return replacesPrimaryKey(drop, statement) ? Level.INPLACE : Level.COPY;
        }
        if (action instanceof SqlFact.AddColumn add && add.defaultSql() != null
                && RevisionRules.MARIADB_COPYING_DEFAULT.matcher(add.defaultSql()).find()) {
            return Level.COPY;
        }
        if (columnAddedOrDroppedBesideAnIndex(action, statement) != null) {
            return Level.INPLACE; // instant alone, but the index's build makes the statement rebuild the table
        }
        if (action instanceof SqlFact.AddColumn || action instanceof SqlFact.DropColumn
                || action instanceof SqlFact.RenameColumn || action instanceof SqlFact.RenameTable) {
            return Level.INSTANT; // ADD COLUMN (any position) and DROP COLUMN are instant from 10.4
        }
        if (action instanceof SqlFact.AlterColumnType change) {
            ColumnType to = SqlTypes.columnType(change.type());
            return facts.type(change.table(), change.column()).map(from -> typeChangeInPlace(from, to)).orElse(false)
                    ? Level.INSTANT : Level.COPY;
        }
        if (action instanceof SqlFact.AddGeneratedColumn generated) {
            return generated.stored() ? Level.COPY : Level.INSTANT;
        }
        if (action instanceof SqlFact.ConvertCharset) {
            return Level.COPY;
        }
        if (action instanceof SqlFact.SpecialIndex index) {
            return index.kind().equals("FULLTEXT") ? Level.INPLACE : Level.NOCOPY; // the first FULLTEXT index rebuilds
        }
        if (action instanceof SqlFact.RebuildTable) {
            return Level.INPLACE;
        }
        if (action instanceof SqlFact.SetNotNull) {
            return Level.INPLACE;
        }
        if (action instanceof SqlFact.CreateIndex) {
            return Level.NOCOPY;
        }
        if (action instanceof SqlFact.AddConstraint constraint) {
            return switch (constraint.kind()) {
                case "PRIMARY KEY" -> Level.INPLACE;
                case "UNIQUE" -> Level.NOCOPY;
                // a CHECK on a column the same ALTER adds: existing rows are not checked (checked on MariaDB 10.11)
                case "COLUMN CHECK" -> Level.INSTANT;
                // without foreign_key_checks the existing rows are not checked, and the key is added in place
                case "FOREIGN KEY" -> foreignKeyChecks ? Level.COPY : Level.INPLACE;
                default -> Level.COPY; // CHECK
            };
        }
        return null;
    }

    /**
     * False when MariaDB 10.11 refuses LOCK=NONE for the action: a table copy, a FULLTEXT or SPATIAL index, an
     * AUTO_INCREMENT column (checked on the server by LintCatalogueLiveTest); null when the lint does not judge it.
     */
    static Boolean writesGoOn(SqlFact action, List<SqlFact> statement, SchemaFacts facts, boolean foreignKeyChecks) {
        if (action instanceof SqlFact.RenameTable) {
            return false; // "LOCK=NONE/SHARED is not supported for this operation. Try LOCK=EXCLUSIVE" (10.11)
        }
        if (action instanceof SqlFact.SpecialIndex || action instanceof SqlFact.AddColumn add && add.valuePerRow()) {
            return false;
        }
        Level best = best(action, statement, facts, foreignKeyChecks);
        return best == null ? null : best != Level.COPY;
    }

    /**
     * InnoDB clusters rows by the primary key: dropping it alone makes the table copy itself onto a
     * hidden row id ("Dropping a primary key is not allowed without also adding a new primary key");
     * replaced in the same statement, the table is rebuilt in place.
     */
    /**
     * The table, when {@code action} adds or drops a column of it and the same ALTER TABLE builds an index on it
     * (ADD INDEX, ADD UNIQUE): instant and no-copy alone, a rebuild together (checked on MariaDB 10.11); else null.
     */
    static String columnAddedOrDroppedBesideAnIndex(SqlFact action, List<SqlFact> statement) {
        String table = action instanceof SqlFact.AddColumn add ? add.table() : action instanceof SqlFact.DropColumn drop ? drop.table() : null;
        boolean index = table != null && statement.stream().anyMatch(fact -> fact instanceof SqlFact.CreateIndex create
                && create.table().equals(table) || fact instanceof SqlFact.AddConstraint add && add.kind().equals("UNIQUE")
                && add.table().equals(table));
        return index ? table : null;
    }

    static boolean replacesPrimaryKey(SqlFact.DropPrimaryKey drop, List<SqlFact> statement) {
        return statement.stream().anyMatch(fact -> fact instanceof SqlFact.AddConstraint add
                && add.kind().equals("PRIMARY KEY") && add.table().equals(drop.table()));
    }

    static String describe(SqlFact action) {
        if (action instanceof SqlFact.AlterColumnType change) {
            return "changing " + change.table() + "." + change.column() + " to " + change.type();
        }
        if (action instanceof SqlFact.SetNotNull s) {
            return "making " + s.table() + "." + s.column() + " NOT NULL";
        }
        if (action instanceof SqlFact.CreateIndex s) {
            return "building the index " + s.name();
        }
        if (action instanceof SqlFact.AddConstraint s) {
            return "adding the " + s.kind() + " " + s.name();
        }
        if (action instanceof SqlFact.AddColumn s) {
            return "adding " + s.table() + "." + s.column() + (s.valuePerRow() ? " as an AUTO_INCREMENT column" : "");
        }
        if (action instanceof SqlFact.SpecialIndex s) {
            return "building the " + s.kind() + " index " + s.name();
        }
        if (action instanceof SqlFact.ConvertCharset s) {
            return "converting " + s.table() + " to " + s.charset();
        }
        return action.getClass().getSimpleName();
    }
}
