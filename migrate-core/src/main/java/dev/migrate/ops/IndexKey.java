package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key of an index: a column (quoted by the dialect), optionally in descending order
 * ({@code "created_at DESC"}, which every database indexes), or an SQL expression (copied as
 * written).
 */
public record IndexKey(String text, boolean expression) {

    private static final Pattern ORDERED = Pattern.compile("(.*?)\\s+(ASC|DESC)", Pattern.CASE_INSENSITIVE);

    public IndexKey {
        if (text == null || text.isBlank()) {
            throw new MigrateException("An index " + (expression ? "expression" : "column") + " is empty; name every "
                    + "indexed column and write every expression.");
        }
    }

    public static IndexKey column(String name) {
        return new IndexKey(name, false);
    }

    /** A column in descending order: {@code created_at DESC}. */
    public static IndexKey descending(String column) {
        return new IndexKey(column + " DESC", false);
    }

    public static IndexKey expression(String sql) {
        return new IndexKey(sql, true);
    }

    /**
     * How many of {@code keys}, from the first, are columns: what the column list of
     * {@code createIndex} holds when code is written for an index; every later key goes through
     * {@link CreateIndex.Builder#expression} or {@link CreateIndex.Builder#column} in its place.
     */
    public static int leadingColumns(List<IndexKey> keys) {
        int leading = 0;
        while (leading < keys.size() && !keys.get(leading).expression()) {
            leading++;
        }
        return leading;
    }

    /** A column key's column, without its {@code ASC} or {@code DESC}. */
    public String columnName() {
        Matcher ordered = ORDERED.matcher(text.strip());
        return !expression && ordered.matches() ? ordered.group(1) : text.strip();
    }

    /** Whether a column key is in descending order ({@code created_at DESC}). */
    public boolean descending() {
        Matcher ordered = ORDERED.matcher(text.strip());
        return !expression && ordered.matches() && ordered.group(2).toUpperCase(Locale.ROOT).equals("DESC");
    }
}
