package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One statement to send: SQL text with {@code ?} placeholders and their values.
 *
 * @param sql                     the statement, without a trailing semicolon
 * @param parameters              values bound to the placeholders, in order (may contain nulls)
 * @param runsOutsideTransaction  true for statements a database refuses inside a transaction
 *                                (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}); the engine
 *                                commits before and reopens the transaction after
 */
public record SqlStatement(String sql, List<Object> parameters, boolean runsOutsideTransaction) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        // List.copyOf rejects nulls, and SQL parameters may be null.
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public static SqlStatement of(String sql, Object... parameters) {
        return new SqlStatement(sql, java.util.Arrays.asList(parameters), false);
    }

    public static SqlStatement outsideTransaction(String sql) {
        return new SqlStatement(sql, List.of(), true);
    }

    /** Longest statement text an error message quotes in full. */
    private static final int EXCERPT_MAX = 300;

    /** {@code sql} on one line, cut to a length that keeps an error message readable. */
    public static String excerpt(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT_MAX ? line : line.substring(0, EXCERPT_MAX) + " ...";
    }
}
