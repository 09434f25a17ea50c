package dev.migrate.dialect;

import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.TableBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * migrate's own tables, each defined once, as the {@link CreateTable} a revision would record, so that
 * every dialect renders them with the renderer it renders revisions with
 * ({@link BookkeepingSql#createIfMissing}): a type or an identity column is spelled by the one piece
 * of code that spells it for users' tables.
 *
 * <p>The shape is a contract with databases already in use: the version table is Alembic's, and a
 * table an earlier release created is never altered (creation is "if missing"), so a change here
 * reaches new databases only and must stay readable and writable by the statements of
 * {@link BookkeepingSql}. Names are given per run ({@code migrate.versionTable} and its siblings);
 * primary keys are named after the table.
 */
public enum BookkeepingTable {

    /** One row per applied head: Alembic's version table (with room for ids longer than its 32 characters). */
    VERSION {
        @Override
        void define(TableBuilder table, String name) {
            table.column(VERSION_NUM, Types.REVISION, c -> c.notNull())
                    .primaryKeyNamed(name + "_pkc", VERSION_NUM);
        }
    },

    /**
     * Append-only, one row per revision run; {@code id} keeps the order rows were written in. The key
     * is named {@code <table>_pkey}, the name PostgreSQL gave it when the column was declared
     * {@code PRIMARY KEY} inline (MariaDB calls every primary key PRIMARY).
     */
    HISTORY {
        @Override
        void define(TableBuilder table, String name) {
            table.column(HISTORY_ID, ColumnType.BIGINT, c -> c.identity())
                    .column("revision", Types.REVISION, c -> c.notNull())
                    .column("direction", Types.DIRECTION, c -> c.notNull())
                    .column("checksum", Types.CHECKSUM)
                    .column("checksum_version", ColumnType.INTEGER)
                    .column("started", ColumnType.TIMESTAMPTZ, c -> c.notNull())
                    .column("finished", ColumnType.TIMESTAMPTZ, c -> c.notNull())
                    .column("success", ColumnType.BOOLEAN, c -> c.notNull())
                    .column("executed_by", ColumnType.varchar(255))
                    .column("migrate_version", ColumnType.varchar(50))
                    .primaryKeyNamed(name + "_pkey", HISTORY_ID);
        }
    },

    /** Resume points of interrupted revisions: the step a revision resumes at, one row per revision and direction. */
    PROGRESS {
        @Override
        void define(TableBuilder table, String name) {
            table.column("revision", Types.REVISION, c -> c.notNull())
                    .column("direction", Types.DIRECTION, c -> c.notNull())
                    .column("checksum", Types.CHECKSUM)
                    .column("resume_at", ColumnType.INTEGER, c -> c.notNull())
                    .primaryKeyNamed(name + "_pkc", "revision", "direction");
        }
    },

    /** The single row ({@code id = 1}) runs lock where the database has no named lock. */
    LOCK {
        @Override
        void define(TableBuilder table, String name) {
            table.column(LOCK_ID, ColumnType.INTEGER, c -> c.notNull())
                    .primaryKeyNamed(name + "_pkc", LOCK_ID);
        }
    };

    /** The version table's one column. */
    public static final String VERSION_NUM = "version_num";
    /** The history's identity column, which orders its rows. */
    public static final String HISTORY_ID = "id";
    /** The lock table's one column. */
    public static final String LOCK_ID = "id";

    /** Column types shared by several tables (a holder: an enum's constants are built before its static fields). */
    private static final class Types {
        static final ColumnType REVISION = ColumnType.varchar(255);
        static final ColumnType DIRECTION = ColumnType.varchar(10);
        /** A SHA-256 in hex. */
        static final ColumnType CHECKSUM = ColumnType.varchar(64);
    }

    abstract void define(TableBuilder table, String name);

    /** This table named {@code name} in {@code schema} (null: the connection's default schema). */
    public CreateTable definition(String schema, String name) {
        return CreateTable.of(QualifiedName.of(schema, name), table -> define(table, name));
    }

    /**
     * The columns migrate writes and reads, in the order of its statements' parameters and results:
     * all but an identity column, which the database fills.
     */
    public List<String> writtenColumns() {
        return definition(null, name().toLowerCase(java.util.Locale.ROOT)).columns().stream()
                .filter(column -> !column.identity()).map(Column::name).collect(Collectors.toUnmodifiableList());
    }
}
