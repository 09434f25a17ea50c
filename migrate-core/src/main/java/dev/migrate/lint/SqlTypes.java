package dev.migrate.lint;

import dev.migrate.ops.ColumnType;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A type written in SQL, as the {@link ColumnType} the typed operations use, so that a type change
 * read from {@code execute(sql)} is judged by the same allow-list (varchar widening is fine).
 * A type it does not know stays {@link ColumnType.Sql}: never coercible, so the rule fires.
 */
final class SqlTypes {

    private static final Map<String, ColumnType> BASIC = Map.ofEntries(
            Map.entry("int", ColumnType.INTEGER), Map.entry("int4", ColumnType.INTEGER), Map.entry("integer", ColumnType.INTEGER),
            Map.entry("bigint", ColumnType.BIGINT), Map.entry("int8", ColumnType.BIGINT),
            Map.entry("smallint", ColumnType.SMALLINT), Map.entry("int2", ColumnType.SMALLINT),
            Map.entry("boolean", ColumnType.BOOLEAN), Map.entry("bool", ColumnType.BOOLEAN), Map.entry("text", ColumnType.TEXT),
            Map.entry("real", ColumnType.REAL), Map.entry("double precision", ColumnType.DOUBLE), Map.entry("date", ColumnType.DATE),
            Map.entry("timestamp", ColumnType.TIMESTAMP), Map.entry("timestamp without time zone", ColumnType.TIMESTAMP),
            Map.entry("timestamptz", ColumnType.TIMESTAMPTZ), Map.entry("timestamp with time zone", ColumnType.TIMESTAMPTZ),
            Map.entry("uuid", ColumnType.UUID), Map.entry("json", ColumnType.JSON), Map.entry("jsonb", ColumnType.JSONB),
            Map.entry("bytea", ColumnType.BYTES));
    private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character\\s+varying)\\s*\\(\\s*(\\d+)\\s*\\)");
    /** MariaDB/MySQL's integer display width ({@code INT(11)}, {@code BIGINT(20)}): no part of the stored type. */
    private static final Pattern DISPLAY_WIDTH = Pattern.compile("((?:tiny|small|medium|big)?int(?:eger)?) ?\\(\\s*\\d+\\s*\\)");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private SqlTypes() {
    }

    static ColumnType columnType(String written) {
        String text = written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher width = DISPLAY_WIDTH.matcher(text);
        if (width.matches()) {
            text = width.group(1);
        }
        ColumnType basic = BASIC.get(text);
        if (basic != null) {
            return basic;
        }
        Matcher m = VARCHAR.matcher(text);
        if (m.matches()) {
            return ColumnType.varchar(Integer.parseInt(m.group(1)));
        }
        m = NUMERIC.matcher(text);
        if (m.matches()) {
            return ColumnType.numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return ColumnType.sql(written.strip());
    }
}
