package dev.migrate.autogenerate;

import dev.migrate.MigrateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How autogenerate compares.
 *
 * @param renames      explicit renames: a drop and an add that are one object renamed
 * @param dropUnmapped also drop the tables and sequences no model maps (migrate's own tables never)
 * @param modelCache   where the model's snapshot is remembered between runs ({@link ModelSnapshotCache}), or null
 *                     to build the model in a scratch schema every time
 */
public record AutogenerateOptions(List<Rename> renames, boolean dropUnmapped, ModelSnapshotCache modelCache) {

    public AutogenerateOptions {
        renames = List.copyOf(renames);
    }

    /** Options without a model cache. */
    public AutogenerateOptions(List<Rename> renames, boolean dropUnmapped) {
        this(renames, dropUnmapped, null);
    }

    /** These options, remembering the model's snapshot in {@code directory} ({@code target/migrate} in a Maven project). */
    public AutogenerateOptions withModelCache(Path directory) {
        return new AutogenerateOptions(renames, dropUnmapped, new ModelSnapshotCache(directory));
    }

    /** No renames, unmapped tables left alone. */
    public static AutogenerateOptions defaults() {
        return new AutogenerateOptions(List.of(), false);
    }

    /**
     * Reads {@code migrate.renames}: comma-separated {@code old_table:new_table} or
     * {@code table.old_column:table.new_column} pairs; null or blank for none.
     */
    public static List<Rename> parseRenames(String text) {
        List<Rename> renames = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return renames;
        }
        for (String pair : text.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] sides = trimmed.split(":", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw new MigrateException("migrate.renames: '" + trimmed + "' is not old:new; write old_table:new_table "
                        + "or table.old_column:table.new_column, comma-separated.");
            }
            String from = sides[0].trim();
            String to = sides[1].trim();
            boolean fromColumn = from.contains(".");
            if (fromColumn != to.contains(".")) {
                throw new MigrateException("migrate.renames: '" + trimmed + "' mixes a table and a column; write "
                        + "old_table:new_table or table.old_column:table.new_column.");
            }
            if (from.equalsIgnoreCase(to)) {
                throw new MigrateException("migrate.renames: '" + trimmed + "' renames " + from + " to itself; give the"
                        + " new name after the colon, or remove the pair.");
            }
            if (!fromColumn) {
                renames.add(twiceChecked(renames, new Rename(null, from, to), trimmed));
                continue;
            }
            String table = from.substring(0, from.indexOf('.'));
            String toTable = to.substring(0, to.indexOf('.'));
            if (!table.equalsIgnoreCase(toTable)) {
                String fromColumnName = from.substring(from.indexOf('.') + 1);
                String toColumnName = to.substring(to.indexOf('.') + 1);
                throw new MigrateException("migrate.renames: '" + trimmed + "' moves a column to another table; a column "
                        + "rename keeps its table" + (fromColumnName.equalsIgnoreCase(toColumnName)
                                ? ", so this is a drop and an add: remove the pair."
                                : ": " + table + "." + fromColumnName + ":" + table + "." + toColumnName + "."));
            }
            renames.add(twiceChecked(renames, new Rename(table, from.substring(from.indexOf('.') + 1),
                    to.substring(to.indexOf('.') + 1)), trimmed));
        }
        if (renames.isEmpty()) {
            // Only commas: a list built from empty shell variables; running on would guess nothing silently.
            throw new MigrateException("migrate.renames is '" + text + "', which lists no pair; write old_table:new_table "
                    + "or table.old_column:table.new_column, comma-separated, or leave migrate.renames out.");
        }
        return renames;
    }

    /** {@code rename}, unless a pair in {@code earlier} renames the same old name or gives the same new one. */
    private static Rename twiceChecked(List<Rename> earlier, Rename rename, String pair) {
        for (Rename other : earlier) {
            boolean sameTable = other.table() == null ? rename.table() == null
                    : rename.table() != null && other.table().equalsIgnoreCase(rename.table());
            if (sameTable && (other.from().equalsIgnoreCase(rename.from()) || other.to().equalsIgnoreCase(rename.to()))) {
                String what = other.from().equalsIgnoreCase(rename.from()) ? "renames " + rename.from()
                        : "gives the name " + rename.to();
                throw new MigrateException("migrate.renames: '" + pair + "' " + what + " again (an earlier pair already"
                        + " does); keep one pair for it.");
            }
        }
        return rename;
    }

    /**
     * One rename hint.
     *
     * @param table the table of a column rename (its new name when the table is renamed too), or null for a table rename
     * @param from  the name in the database
     * @param to    the name in the model
     */
    public record Rename(String table, String from, String to) {

        boolean isTable() {
            return table == null;
        }

        boolean matchesTable(String name) {
            return table != null && table.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }
    }
}
