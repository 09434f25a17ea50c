package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A column's type, in a vocabulary every dialect maps to its own names (Alembic's generic types).
 * Fixed types are constants ({@link #BIGINT}, {@link #TEXT}, ...); sized ones come from factories
 * ({@link #varchar(int)}, {@link #numeric(int, int)}, {@link #enumOf(String...)}).
 *
 * <p>Dialect notes: {@link #JSONB} is JSONB on PostgreSQL and JSON on H2; {@link #TEXT} is
 * TEXT on PostgreSQL and an unbounded CHARACTER VARYING on H2 (comparable and indexable, unlike
 * H2's CLOB); {@link #BYTES} is BYTEA on PostgreSQL and VARBINARY on H2.
 */
public sealed interface ColumnType permits ColumnType.Basic, ColumnType.Varchar, ColumnType.Numeric, ColumnType.EnumCheck,
        ColumnType.Sql {

    Basic INTEGER = Basic.INTEGER;
    Basic BIGINT = Basic.BIGINT;
    Basic SMALLINT = Basic.SMALLINT;
    Basic BOOLEAN = Basic.BOOLEAN;
    Basic TEXT = Basic.TEXT;
    Basic REAL = Basic.REAL;
    Basic DOUBLE = Basic.DOUBLE;
    Basic DATE = Basic.DATE;
    Basic TIME = Basic.TIME;
    Basic TIMESTAMP = Basic.TIMESTAMP;
    /** A timestamp with time zone ({@code TIMESTAMP WITH TIME ZONE}). */
    Basic TIMESTAMPTZ = Basic.TIMESTAMPTZ;
    Basic UUID = Basic.UUID;
    Basic JSON = Basic.JSON;
    /** Binary JSON on PostgreSQL; plain JSON where the database has no binary form (H2). */
    Basic JSONB = Basic.JSONB;
    /** Variable-length binary data. */
    Basic BYTES = Basic.BYTES;

    /** Character data of at most {@code length} characters; {@code length} at least 1. */
    static Varchar varchar(int length) {
        return new Varchar(length);
    }

    /** Exact decimal with {@code precision} digits, {@code scale} of them after the point. */
    static Numeric numeric(int precision, int scale) {
        return new Numeric(precision, scale);
    }

    /**
     * A string column limited to {@code values} by a CHECK constraint named
     * {@code <table>_<column>_check} (portable; no database enum type is created).
     */
    static EnumCheck enumOf(String... values) {
        return new EnumCheck(values == null ? List.of() : Arrays.asList(values));
    }

    /**
     * A type written in the database's own words, used as given: for types the portable vocabulary
     * lacks ({@code sql("timestamp(6) with time zone")}, {@code sql("inet")}, {@code sql("float(53)")}).
     * Autogenerate writes it for the types a model declares; the revision then runs on that
     * database only.
     */
    static Sql sql(String definition) {
        return new Sql(definition);
    }

    <R> R accept(Visitor<R> visitor);

    /** Dispatch over the type variants. */
    interface Visitor<R> {
        R visitBasic(Basic type);

        R visitVarchar(Varchar type);

        R visitNumeric(Numeric type);

        R visitEnumCheck(EnumCheck type);

        R visitSql(Sql type);
    }

    /** The fixed types. */
    enum Basic implements ColumnType {
        INTEGER, BIGINT, SMALLINT, BOOLEAN, TEXT, REAL, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID, JSON, JSONB, BYTES;

        /** Whether identity columns may have this type. */
        public boolean isInteger() {
            return this == INTEGER || this == BIGINT || this == SMALLINT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitBasic(this);
        }
    }

    /** {@code VARCHAR(length)}. */
    record Varchar(int length) implements ColumnType {
        public Varchar {
            if (length < 1) {
                throw new MigrateException("ColumnType.varchar(" + length + "): the length must be at least 1; "
                        + "use ColumnType.TEXT for unbounded text.");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitVarchar(this);
        }
    }

    /** {@code NUMERIC(precision, scale)}. */
    record Numeric(int precision, int scale) implements ColumnType {
        public Numeric {
            if (precision < 1 || scale < 0 || scale > precision) {
                throw new MigrateException("ColumnType.numeric(" + precision + ", " + scale + "): the precision must be at "
                        + "least 1 and the scale between 0 and the precision, for example numeric(10, 2).");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitNumeric(this);
        }
    }

    /** Strings limited to a fixed set of values by a CHECK constraint. */
    record EnumCheck(List<String> values) implements ColumnType {
        public EnumCheck {
            if (values == null || values.isEmpty()) {
                throw new MigrateException("ColumnType.enumOf(): no values given; list the allowed values, "
                        + "for example enumOf(\"open\", \"closed\").");
            }
            values = List.copyOf(values);
            if (new HashSet<>(values).size() != values.size()) {
                throw new MigrateException("ColumnType.enumOf" + values + ": a value is listed twice; list each value once.");
            }
        }

        /** The longest value's length: the width of the column. */
        public int maxLength() {
            return values.stream().mapToInt(String::length).max().orElse(1);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitEnumCheck(this);
        }
    }

    /** A type in the database's own words (see {@link ColumnType#sql(String)}). */
    record Sql(String definition) implements ColumnType {
        public Sql {
            if (definition == null || definition.isBlank()) {
                throw new MigrateException("ColumnType.sql(): no type given; write the type as the database spells it, "
                        + "for example sql(\"inet\").");
            }
            definition = definition.strip();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visitSql(this);
        }
    }
}
