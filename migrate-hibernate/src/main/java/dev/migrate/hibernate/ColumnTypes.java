package dev.migrate.hibernate;

import dev.migrate.ops.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hibernate column type (as its dialect spells it) as a migrate {@link ColumnType}: the portable
 * constant where migrate renders the very same type on every database (so the generated revision
 * reads {@code ColumnType.BIGINT}, {@code ColumnType.varchar(120)}), else the type verbatim
 * ({@code ColumnType.sql("timestamp(6) with time zone")}).
 */
final class ColumnTypes {

    private static final Pattern VARCHAR = Pattern.compile("(?:varchar|character varying)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)\\((\\d+),\\s*(\\d+)\\)");

    private ColumnTypes() {
    }

    /**
     * @param mysqlFamily the type is for MariaDB or MySQL, where migrate renders {@code ColumnType.UUID}
     *                    as {@code char(36)} (it runs on every version) while Hibernate's {@code uuid}
     *                    is MariaDB's native type: that one stays verbatim
     */
    static ColumnType of(String sqlType, boolean identity, boolean mysqlFamily) {
        String type = sqlType.trim().toLowerCase(Locale.ROOT);
        if (mysqlFamily && type.equals("uuid")) {
            return ColumnType.sql(sqlType.trim());
        }
        switch (type) {
            case "bigint":
                return ColumnType.BIGINT;
            case "integer":
            case "int":
                return ColumnType.INTEGER;
            case "smallint":
                return ColumnType.SMALLINT;
            case "boolean":
                return ColumnType.BOOLEAN;
            case "date":
                return ColumnType.DATE;
            case "uuid":
                return ColumnType.UUID;
            default:
                break;
        }
        if (identity) {
            // Only integer types take an identity; anything else is Hibernate's spelling of one of them.
            return ColumnType.BIGINT;
        }
        Matcher varchar = VARCHAR.matcher(type);
        if (varchar.matches()) {
            return ColumnType.varchar(Integer.parseInt(varchar.group(1)));
        }
        Matcher numeric = NUMERIC.matcher(type);
        if (numeric.matches()) {
            return ColumnType.numeric(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)));
        }
        return ColumnType.sql(sqlType.trim());
    }
}
