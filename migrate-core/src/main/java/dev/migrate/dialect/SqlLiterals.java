package dev.migrate.dialect;

import dev.migrate.MigrateException;
import java.util.List;

/**
 * Replaces the {@code ?} placeholders of a statement with the dialect's literals, for offline
 * scripts where nothing can be bound. Question marks inside string literals, quoted identifiers
 * and comments are left alone. Reached through {@link Dialect#inline}, so that the dialect stays
 * the one place that knows how SQL text and its literals are written.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    static String inline(SqlStatement statement, SqlRendering dialect) {
        List<Object> parameters = statement.parameters();
        if (parameters.isEmpty()) {
            return statement.sql();
        }
        String sql = statement.sql();
        StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.size());
        int next = 0;
        int i = 0;
        while (i < sql.length()) {
            int skipped = skipQuotedOrComment(sql, i);
            if (skipped > i) {
                out.append(sql, i, skipped);
                i = skipped;
            } else if (sql.charAt(i) == '?') {
                if (next >= parameters.size()) {
                    throw mismatch(statement);
                }
                out.append(dialect.literal(parameters.get(next++)));
                i++;
            } else {
                out.append(sql.charAt(i++));
            }
        }
        if (next != parameters.size()) {
            throw mismatch(statement);
        }
        return out.toString();
    }

    /** The index after a string, quoted identifier or comment starting at {@code i}, else {@code i}. */
    private static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            int end = i + 1;
            while (end < sql.length()) {
                if (sql.charAt(end) == c) {
                    if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                        end += 2; // doubled quote inside the literal
                        continue;
                    }
                    return end + 1;
                }
                end++;
            }
            return sql.length();
        }
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }

    private static MigrateException mismatch(SqlStatement statement) {
        return new MigrateException("The statement '" + SqlStatement.excerpt(statement.sql()) + "' has "
                + statement.parameters().size() + " parameter(s) but a different number of '?' placeholders;"
                + " make them match.");
    }
}
