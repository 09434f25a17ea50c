package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * One key of an index: a column (quoted by the dialect) or an SQL expression (copied as written).
 */
public record IndexKey(String text, boolean expression) {

    public IndexKey {
        if (text == null || text.isBlank()) {
            throw new MigrateException("An index " + (expression ? "expression" : "column") + " is empty; name every "
                    + "indexed column and write every expression.");
        }
    }

    public static IndexKey column(String name) {
        return new IndexKey(name, false);
    }

    public static IndexKey expression(String sql) {
        return new IndexKey(sql, true);
    }
}
