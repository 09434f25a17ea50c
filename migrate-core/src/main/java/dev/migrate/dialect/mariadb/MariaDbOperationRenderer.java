package dev.migrate.dialect.mariadb;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.OperationRenderer;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.Column;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSchema;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropSchema;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MariaDB's (and MySQL's) differences from the standard rendering. Comments and enum checks go into
 * the table's definition (a column cannot carry a named CHECK, and there is no COMMENT ON). A column's
 * type and nullability change only by restating the whole column ({@code MODIFY COLUMN}); as revisions
 * say only what changes, the statement is built on the server from {@code information_schema.COLUMNS}
 * at the moment it runs, keeping what the revision does not change (type, nullability, default,
 * {@code AUTO_INCREMENT}, comment, collation). The same holds for offline scripts.
 */
public class MariaDbOperationRenderer extends OperationRenderer {

    private static final String DDL_VARIABLE = "@migrate_ddl";
    private static final String PREPARED = "migrate_ddl";
    /** The statement that runs a DDL statement built on the server; it commits implicitly like the DDL it runs. */
    static final String EXECUTE_PREPARED = "EXECUTE " + PREPARED;

    public MariaDbOperationRenderer(Dialect dialect, String schema) {
        super(dialect, schema);
    }

    /** MariaDB's ALTER SEQUENCE knows only the one-word form. */
    @Override
    protected String noCycle() {
        return "NOCYCLE";
    }

    /** MariaDB's spelling, as Hibernate's export writes it. */
    @Override
    protected String noCache() {
        return "NOCACHE";
    }

    @Override
    protected String basicType(ColumnType.Basic type) {
        switch (type) {
            case TEXT:
                return "LONGTEXT";
            case REAL:
                return "FLOAT";
            case DOUBLE:
                return "DOUBLE";
            case TIMESTAMP:
                return "DATETIME(6)";
            case TIMESTAMPTZ:
                // Stored as UTC and shown in the session's time zone: the instant type.
                return "TIMESTAMP(6)";
            case UUID:
                return "CHAR(36)";
            case JSON:
            case JSONB:
                return "JSON";
            case BYTES:
                return "LONGBLOB";
            default:
                return super.basicType(type);
        }
    }

    /** {@code `name` TYPE [AUTO_INCREMENT] [DEFAULT x] [NOT NULL] [COMMENT '...']}; an enum's CHECK goes into the table. */
    @Override
    protected String columnDefinition(String table, Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type(column.type()));
        if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(defaultValue(column.serverDefault()));
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.identity()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (column.comment() != null) {
            sql.append(" COMMENT ").append(dialect.literal(column.comment()));
        }
        return sql.toString();
    }

    /** Comments are inline: the table's follows the definition, the columns' are in {@link #columnDefinition}. */
    @Override
    public List<SqlStatement> visitCreateTable(CreateTable operation) {
        return List.of(SqlStatement.of("CREATE TABLE " + table(operation.table()) + " (\n    "
                + String.join(",\n    ", tableElements(operation)) + "\n)"
                + (operation.comment() == null ? "" : " COMMENT " + dialect.literal(operation.comment()))));
    }

    /**
     * The standard's elements, then the enum columns' checks, which a column definition cannot carry
     * here. A check named after its column that reads no other column is written on the column
     * ({@code priority int CHECK (...)}), as Hibernate's export writes {@code @Check} on a field and an
     * ordinal enum's range: MariaDB names such a check after its column, keeps it a column's check
     * ({@code LEVEL = 'Column'}) and drops it with the column, as it does the export's.
     */
    @Override
    protected List<String> tableElements(CreateTable operation) {
        String tableName = operation.table().name();
        List<String> parts = new ArrayList<>();
        List<TableConstraint> onColumns = new ArrayList<>();
        for (Column column : operation.columns()) {
            String definition = columnDefinition(tableName, column);
            for (TableConstraint constraint : operation.constraints()) {
                if (constraint instanceof TableConstraint.Check check && onColumns.stream().noneMatch(c -> c == check)
                        && columnCheck(check, column, operation.columns())) {
                    definition += " CHECK (" + check.condition() + ")";
                    onColumns.add(check);
                }
            }
            parts.add(definition);
        }
        for (TableConstraint constraint : operation.constraints()) {
            if (onColumns.stream().noneMatch(c -> c == constraint)) {
                parts.add(constraint(constraint));
            }
        }
        for (Column column : operation.columns()) {
            if (column.type() instanceof ColumnType.EnumCheck values) {
                parts.add(constraint(enumCheck(operation.table().name(), column.name(), values)));
            }
        }
        return parts;
    }

    /** Whether {@code check} is {@code column}'s own: named after it, and reading no other column of the table. */
    private static boolean columnCheck(TableConstraint.Check check, Column column, List<Column> columns) {
        if (!check.name().equalsIgnoreCase(column.name())) {
            return false;
        }
        java.util.Set<String> words = new java.util.HashSet<>();
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("[A-Za-z0-9_$]+").matcher(check.condition());
        while (word.find()) {
            words.add(word.group().toLowerCase(java.util.Locale.ROOT));
        }
        return columns.stream().filter(other -> other != column)
                .noneMatch(other -> words.contains(other.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public List<SqlStatement> visitAddColumn(AddColumn operation) {
        String table = table(operation.table());
        Column column = operation.column();
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(SqlStatement.of("ALTER TABLE " + table + " ADD COLUMN " + columnDefinition(operation.table().name(), column)));
        if (column.type() instanceof ColumnType.EnumCheck values) {
            statements.add(SqlStatement.of("ALTER TABLE " + table + " ADD "
                    + constraint(enumCheck(operation.table().name(), column.name(), values))));
        }
        for (TableConstraint constraint : operation.constraints()) {
            statements.add(SqlStatement.of("ALTER TABLE " + table + " ADD " + constraint(constraint)));
        }
        return statements;
    }

    /** Into the table's own schema: an unqualified new name would move the table to the session's database. */
    @Override
    public List<SqlStatement> visitRenameTable(RenameTable operation) {
        return List.of(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " RENAME TO "
                + dialect.qualify(effectiveSchema(operation.table()), operation.newName())));
    }

    /**
     * Type, nullability and comment (with a default change that comes along) as one {@code MODIFY COLUMN}
     * built from the column as it is; a default alone by {@code ALTER COLUMN}; then the rename.
     */
    @Override
    public List<SqlStatement> visitAlterColumn(AlterColumn operation) {
        using(operation);
        List<SqlStatement> statements = new ArrayList<>();
        String table = table(operation.table());
        boolean comment = operation.comment() != null || operation.dropComment();
        if (operation.type() != null || operation.nullable() != null || comment) {
            Modify modify = new Modify();
            if (operation.type() != null) {
                modify.type = dialect.literal(type(operation.type()));
            }
            if (operation.nullable() != null) {
                modify.nullability = dialect.literal(operation.nullable() ? " NULL" : " NOT NULL");
            }
            if (operation.serverDefault() != null) {
                modify.defaultClause = dialect.literal(" DEFAULT " + defaultValue(operation.serverDefault()));
            } else if (operation.dropDefault()) {
                modify.defaultClause = "''";
            }
            if (comment) {
                modify.commentClause = operation.dropComment() ? "''"
                        : dialect.literal(" COMMENT " + dialect.literal(operation.comment()));
            }
            statements.addAll(modify.render(operation.table(), operation.column(), "alterColumn"));
            if (operation.type() instanceof ColumnType.EnumCheck values) {
                // An enum column that takes other values: its check is replaced in one statement (DDL commits
                // here, so a failing new check leaves the old one in place).
                TableConstraint.Check check = enumCheck(operation.table().name(), operation.column(), values);
                statements.add(SqlStatement.of("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + quote(check.name())
                        + ", ADD " + constraint(check)));
            }
        } else if (operation.serverDefault() != null) {
            statements.add(SqlStatement.of("ALTER TABLE " + table + " ALTER COLUMN " + quote(operation.column())
                    + " SET DEFAULT " + defaultValue(operation.serverDefault())));
        } else if (operation.dropDefault()) {
            statements.add(SqlStatement.of("ALTER TABLE " + table + " ALTER COLUMN " + quote(operation.column()) + " DROP DEFAULT"));
        }
        if (operation.newName() != null) {
            statements.add(renameColumn(operation.table(), operation.column(), operation.newName()));
        }
        return statements;
    }

    /** {@code ALTER TABLE ... COMMENT = '...'}; an empty comment is none here, so a null comment writes {@code ''}. */
    @Override
    protected SqlStatement tableComment(QualifiedName table, String comment) {
        return SqlStatement.of("ALTER TABLE " + table(table) + " COMMENT = " + dialect.literal(comment == null ? "" : comment));
    }

    /** Never reached: createTable and addColumn write comments inline, alterColumn restates the column. */
    @Override
    protected SqlStatement columnComment(QualifiedName table, String column, String comment) {
        throw new IllegalStateException("MariaDB column comments are written inline; nothing renders them apart");
    }

    @Override
    protected void checkIndexOptions(CreateIndex operation) {
        String subject = "createIndex " + operation.name();
        if (operation.where() != null) {
            throw unsupported(subject, "where", "MariaDB and MySQL have no partial indexes; remove where(...) to index all rows");
        }
        if (operation.keys().stream().anyMatch(key -> key.expression())) {
            throw unsupported(subject, "expression", "MariaDB indexes columns only; index a generated column instead");
        }
    }

    /**
     * {@code concurrently()} asks for {@code LOCK = NONE}: InnoDB builds the index while writes go on, and
     * the statement fails instead of locking the table where it cannot.
     */
    @Override
    public List<SqlStatement> visitCreateIndex(CreateIndex operation) {
        checkIndexOptions(operation);
        String keys = operation.keys().stream().map(this::indexKey).collect(Collectors.joining(", "));
        return List.of(SqlStatement.of("CREATE " + (operation.unique() ? "UNIQUE " : "") + "INDEX " + quote(operation.name())
                + " ON " + table(operation.table()) + " (" + keys + ")" + (operation.concurrently() ? " LOCK = NONE" : "")));
    }

    /** Index names are per table here, so the drop names the table (ALTER TABLE, which takes LOCK = NONE). */
    @Override
    public List<SqlStatement> visitDropIndex(DropIndex operation) {
        return List.of(SqlStatement.of("ALTER TABLE " + table(operation.table()) + " DROP INDEX "
                + (operation.ifExists() ? "IF EXISTS " : "") + quote(operation.name()) + (operation.concurrently() ? ", LOCK = NONE" : "")));
    }

    /**
     * A primary key is always called PRIMARY here, whatever name it was added under; so a name that is no
     * other constraint of the table drops the primary key, decided on the server when the statement runs.
     * A check written on its column ({@code quantity int check (quantity < 100)}, as Hibernate's export
     * writes {@code @Check} on a field and an enum's range) is named after the column and cannot be
     * dropped by name: MariaDB refuses ("Can't DROP CONSTRAINT"); restating the column without it drops it.
     */
    @Override
    public List<SqlStatement> visitDropConstraint(DropConstraint operation) {
        String table = table(operation.table());
        String other = "EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE " + where(operation.table())
                + " AND CONSTRAINT_NAME = " + dialect.literal(operation.name()) + " AND CONSTRAINT_TYPE <> 'PRIMARY KEY')";
        String schemaName = effectiveSchema(operation.table());
        String onColumn = "EXISTS (SELECT 1 FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = "
                + (schemaName == null ? "DATABASE()" : dialect.literal(schemaName)) + " AND TABLE_NAME = "
                + dialect.literal(operation.table().name()) + " AND CONSTRAINT_NAME = " + dialect.literal(operation.name())
                + " AND LEVEL = 'Column')";
        Modify withoutCheck = new Modify();
        withoutCheck.keepColumnCheck = false;
        return prepared("IF(" + onColumn + ", " + withoutCheck.expression(operation.table(), operation.name(), "dropConstraint")
                + ", IF(" + other + ", " + dialect.literal("ALTER TABLE " + table + " DROP CONSTRAINT " + quote(operation.name()))
                + ", " + dialect.literal("ALTER TABLE " + table + " DROP PRIMARY KEY") + "))");
    }

    /**
     * A unique index already is the unique constraint here (information_schema lists it as one, and
     * dropConstraint drops it), so taking it over is renaming it to the constraint's name, which
     * changes metadata only. The rename would make a non-unique index no constraint at all, so it runs
     * only when the server finds the index unique, and otherwise fails as PostgreSQL does. A primary
     * key cannot take an index over (InnoDB clusters the table by it): the index is dropped and the key
     * added in one statement, which rebuilds the table and makes the columns NOT NULL.
     */
    @Override
    protected List<SqlStatement> takeOverIndex(AddConstraint operation) {
        String table = table(operation.table());
        String index = operation.usingIndex();
        if (operation.constraint() instanceof TableConstraint.PrimaryKey) {
            return List.of(SqlStatement.of("ALTER TABLE " + table + " DROP INDEX " + quote(index) + ", ADD "
                    + constraint(operation.constraint())));
        }
        String unique = "EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE " + where(operation.table())
                + " AND INDEX_NAME = " + dialect.literal(index) + " AND NON_UNIQUE = 0)";
        String rename = "ALTER TABLE " + table + " RENAME INDEX " + quote(index) + " TO " + quote(operation.constraint().name());
        String refuse = "SIGNAL SQLSTATE '42000' SET MESSAGE_TEXT = " + dialect.literal(keyCall(operation)
                + ": usingIndex " + index + " is not a unique index of " + operation.table());
        return prepared("IF(" + unique + ", " + dialect.literal(rename) + ", " + dialect.literal(refuse) + ")");
    }

    /** At most {@code batchSize} rows per statement; MariaDB's UPDATE takes a LIMIT of its own. */
    @Override
    public SqlStatement updateBatch(BatchedUpdate operation) {
        return SqlStatement.of("UPDATE " + table(operation.table()) + " SET " + operation.setClause() + " WHERE "
                + operation.whereClause() + " LIMIT " + operation.batchSize());
    }

    /** The table's row in information_schema: its schema (the session's database when none is named) and name. */
    private String where(QualifiedName table) {
        String schemaName = effectiveSchema(table);
        return "TABLE_SCHEMA = " + (schemaName == null ? "DATABASE()" : dialect.literal(schemaName))
                + " AND TABLE_NAME = " + dialect.literal(table.name());
    }

    /**
     * Runs the statement text {@code expression} computes on the server: set, prepare, execute. The
     * EXECUTE (which commits implicitly) ends the group, so a resumed revision never starts inside it;
     * the prepared statement is replaced by the next one of that name and freed with the session.
     */
    private static List<SqlStatement> prepared(String expression) {
        return List.of(SqlStatement.of("SET " + DDL_VARIABLE + " = " + expression),
                SqlStatement.of("PREPARE " + PREPARED + " FROM " + DDL_VARIABLE),
                SqlStatement.of(EXECUTE_PREPARED));
    }

    /**
     * A {@code MODIFY COLUMN} restating the column as information_schema shows it, but for the parts
     * given (SQL expressions). A check written on the column is part of its definition, so it is
     * restated too (else a type or nullability change would drop it silently), unless that is the point.
     */
    private final class Modify {
        String type;
        String nullability;
        String defaultClause;
        String commentClause;
        boolean keepColumnCheck = true;

        List<SqlStatement> render(QualifiedName table, String column, String what) {
            return prepared(expression(table, column, what));
        }

        /** The statement's text, computed on the server (a column-level check is never restated). */
        String expression(QualifiedName table, String column, String what) {
            String keptType = "CONCAT(COLUMN_TYPE, IF(COLLATION_NAME IS NULL, '', CONCAT(' COLLATE ', COLLATION_NAME)))";
            String definition = "CONCAT(" + dialect.literal("ALTER TABLE " + table(table) + " MODIFY COLUMN " + quote(column) + " ")
                    + ", " + (type != null ? type : keptType)
                    + ", " + (nullability != null ? nullability : "IF(IS_NULLABLE = 'YES', ' NULL', ' NOT NULL')")
                    + ", " + (defaultClause != null ? defaultClause
                            : "IF(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL', '', CONCAT(' DEFAULT ', COLUMN_DEFAULT))")
                    + ", IF(EXTRA LIKE '%auto_increment%', ' AUTO_INCREMENT', '')"
                    + ", " + (commentClause != null ? commentClause
                            : "IF(COLUMN_COMMENT = '', '', CONCAT(' COMMENT ', QUOTE(COLUMN_COMMENT)))")
                    + (keepColumnCheck ? ", IFNULL((SELECT CONCAT(' CHECK (', k.CHECK_CLAUSE, ')')"
                            + " FROM information_schema.CHECK_CONSTRAINTS k WHERE k.CONSTRAINT_SCHEMA = COLUMNS.TABLE_SCHEMA"
                            + " AND k.TABLE_NAME = COLUMNS.TABLE_NAME AND k.CONSTRAINT_NAME = COLUMNS.COLUMN_NAME"
                            + " AND k.LEVEL = 'Column'), '')" : "")
                    + ")";
            String lookup = "(SELECT " + definition + " FROM information_schema.COLUMNS WHERE " + where(table)
                    + " AND COLUMN_NAME = " + dialect.literal(column) + ")";
            String missing = "SIGNAL SQLSTATE '42S22' SET MESSAGE_TEXT = "
                    + dialect.literal(what + " " + table + "." + column + ": no such column");
            return "COALESCE(" + lookup + ", " + dialect.literal(missing) + ")";
        }
    }

    /** A schema is a database here. */
    @Override
    public List<SqlStatement> visitCreateSchema(CreateSchema operation) {
        return List.of(SqlStatement.of("CREATE DATABASE " + quote(operation.name())));
    }

    /** A schema is a database here: dropped with whatever it holds. */
    @Override
    public List<SqlStatement> visitDropSchema(DropSchema operation) {
        return List.of(SqlStatement.of("DROP DATABASE " + quote(operation.name())));
    }
}
