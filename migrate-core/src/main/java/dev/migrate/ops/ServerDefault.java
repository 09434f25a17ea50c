package dev.migrate.ops;

import dev.migrate.MigrateException;

/**
 * A column's default as the database applies it: a value (rendered as a literal of the dialect)
 * or an SQL expression written for the target database (for example {@code now()}).
 */
public sealed interface ServerDefault permits ServerDefault.Value, ServerDefault.Expression {

    /** The default is this value; strings, numbers, booleans, dates and times are supported. */
    static ServerDefault value(Object value) {
        return new Value(value);
    }

    /** The default is this SQL expression, copied into the DDL as written. */
    static ServerDefault sql(String expression) {
        return new Expression(expression);
    }

    /** A literal default. */
    record Value(Object value) implements ServerDefault {
        public Value {
            if (value == null) {
                throw new MigrateException("A default value is null; leave the default out (columns default to NULL) "
                        + "or use defaultSql(\"NULL\").");
            }
        }
    }

    /** An expression default. */
    record Expression(String sql) implements ServerDefault {
        public Expression {
            if (sql == null || sql.isBlank()) {
                throw new MigrateException("A default SQL expression is empty; write the expression, for example \"now()\".");
            }
        }
    }
}
