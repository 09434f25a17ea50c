package dev.migrate;

import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.ColumnBuilder;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.ConnectionCallback;
import dev.migrate.ops.ConstraintOptions;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.ForeignKeyActions;
import dev.migrate.ops.KeyConstraintOptions;
import dev.migrate.ops.TableBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * The typed operations a {@link Migration} uses to describe its change. Each call records one
 * immutable operation value ({@code dev.migrate.ops}); the engine renders it through the
 * database's dialect and runs it, or writes it into an offline script. Required parts are
 * parameters; optional parts are set in a {@code Consumer<...Builder>} lambda:
 *
 * <pre>{@code
 * op.createTable("ticket", t -> {
 *     t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
 *     t.column("title", ColumnType.varchar(200), c -> c.notNull());
 *     t.column("assignee_id", ColumnType.BIGINT);
 *     t.foreignKey("assignee_id").references("app_user", "id").onDelete(ReferentialAction.SET_NULL);
 * });
 * }</pre>
 *
 * <p>Table, index and sequence names are {@code "name"} (in the run's default schema,
 * {@code migrate.schema}) or {@code "schema.name"}. Identifiers are always quoted, so they keep
 * their case; hand-written SQL must quote them too on databases that fold case (H2). Constraint
 * and index names follow Alembic's argument order: name first, then table.
 */
public interface Operations {

    /**
     * The database these operations are recorded for, by the name of its dialect: {@code "postgresql"},
     * {@code "h2"} or {@code "mariadb"} (MySQL servers too, which share MariaDB's dialect); Alembic's
     * {@code op.get_context().dialect.name}. Known offline as well: a script ({@code migrate.sql}) is
     * written for {@code migrate.url}'s database. {@code upgrade()} and {@code downgrade()} may branch on
     * it where hand-written SQL differs by database; the typed operations need no branch, each
     * dialect renders them:
     *
     * <pre>{@code
     * op.execute(op.dialect().equals("mariadb")
     *         ? "UPDATE ticket SET resolution_minutes = TIMESTAMPDIFF(MINUTE, created_at, resolved_at)"
     *         : "UPDATE ticket SET resolution_minutes = EXTRACT(EPOCH FROM (resolved_at - created_at)) / 60");
     * }</pre>
     *
     * <p>The checksum of a revision is computed from the SQL it renders for the database it runs on,
     * so a revision that branches has one checksum per database; editing the branch of one database
     * changes only that database's checksum. The lint records the revisions for the database of
     * {@code migrate.url}, and for {@code "postgresql"} (whose rules it applies then) when no URL is
     * set. A {@link dev.migrate.ops.RecordingOperations} made without a database (in a unit test of a
     * revision) throws here, naming the constructor that takes one.
     */
    String dialect();

    /** Creates a table; at least one column. */
    void createTable(String table, Consumer<TableBuilder> definition);

    void dropTable(String table);

    /** Renames a table within its schema. */
    void renameTable(String table, String newName);

    /** Adds a nullable column without a default. */
    void addColumn(String table, String column, ColumnType type);

    /** Adds a column with options: {@code c -> c.notNull().defaultValue(0)}. */
    void addColumn(String table, String column, ColumnType type, Consumer<ColumnBuilder> options);

    void dropColumn(String table, String column);

    void renameColumn(String table, String column, String newName);

    /**
     * Changes a column's type (optionally {@code using} an expression), nullability, default, comment
     * or name: {@code c -> c.type(ColumnType.TEXT).notNull()}, {@code c -> c.comment("Shown to agents")},
     * {@code c -> c.dropComment()}.
     */
    void alterColumn(String table, String column, Consumer<AlterColumn.Builder> changes);

    /**
     * Sets the comment of an existing table, replacing the one it has (PostgreSQL and H2
     * {@code COMMENT ON TABLE}, MariaDB/MySQL {@code ALTER TABLE ... COMMENT = ...}). Metadata only:
     * no row is read or rewritten. A new table takes its comment in {@code createTable}
     * ({@code t -> t.comment(...)}).
     */
    void setTableComment(String table, String comment);

    /** Removes the comment of an existing table; the inverse of {@link #setTableComment(String, String)}. */
    void dropTableComment(String table);

    /** A plain index over {@code columns}; a column in descending order is written {@code "created_at DESC"}. */
    void createIndex(String name, String table, String... columns);

    /** An index with options: unique, expressions, partial {@code where}, {@code concurrently}. */
    void createIndex(String name, String table, List<String> columns, Consumer<CreateIndex.Builder> options);

    void dropIndex(String name, String table);

    /** Drops an index with options: {@code concurrently}, {@code ifExists}. */
    void dropIndex(String name, String table, Consumer<DropIndex.Builder> options);

    void addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns);

    /** A foreign key with ON DELETE / ON UPDATE actions. */
    void addForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, Consumer<ForeignKeyActions> actions);

    void addUnique(String name, String table, String... columns);

    /**
     * A unique constraint with options: {@code k -> k.usingIndex("uq_users_email_ix")} takes over a
     * unique index over the same columns built before with {@code ix -> ix.unique().concurrently()},
     * instead of building one while the table is locked (the safe form on a large table, lint rule
     * MG104). {@link #dropConstraint(String, String)} undoes it, index included.
     */
    void addUnique(String name, String table, List<String> columns, Consumer<KeyConstraintOptions> options);

    /** A check constraint; {@code condition} is SQL copied as written. */
    void addCheck(String name, String table, String condition);

    /**
     * A check constraint with options: {@code c -> c.notValid()} adds it without checking the
     * existing rows; {@link #validateConstraint(String, String)} checks them later without blocking writes.
     */
    void addCheck(String name, String table, String condition, Consumer<ConstraintOptions> options);

    void addPrimaryKey(String name, String table, String... columns);

    /**
     * A primary key with options: {@code k -> k.usingIndex("users_id_ix")} takes over a unique index
     * over the same columns built before concurrently, as {@link #addUnique(String, String, List, Consumer)} does.
     */
    void addPrimaryKey(String name, String table, List<String> columns, Consumer<KeyConstraintOptions> options);

    /** Drops a primary key, unique, check or foreign key constraint by name. */
    void dropConstraint(String name, String table);

    /**
     * Checks the existing rows against a foreign key or check added with {@code notValid()}
     * (PostgreSQL {@code VALIDATE CONSTRAINT}, which does not block reads or writes; nothing to do on H2).
     */
    void validateConstraint(String name, String table);

    /**
     * Validates with options: {@code v -> v.inOwnTransaction()} commits the revision's work so far
     * and validates in a transaction of its own (PostgreSQL), so a {@code notValid()} add in the same
     * revision holds no lock during the scan.
     */
    void validateConstraint(String name, String table, Consumer<dev.migrate.ops.ValidateConstraint.Builder> options);

    void createSequence(String name);

    /** A sequence with options: {@code s -> s.startWith(1000).incrementBy(10)}. */
    void createSequence(String name, Consumer<CreateSequence.Builder> options);

    void dropSequence(String name);

    /**
     * Creates an empty schema (on MariaDB and MySQL a database): {@code op.createSchema("audit")};
     * its tables are then {@code "audit.events"}.
     */
    void createSchema(String name);

    /**
     * Drops a schema: on PostgreSQL and H2 only an empty one (they refuse otherwise); on MariaDB and
     * MySQL a schema is a database, dropped with whatever it holds.
     */
    void dropSchema(String name);

    /**
     * Changes options of an existing sequence; what the lambda leaves unset stays as it is:
     * {@code op.alterSequence("ticket_seq", s -> s.incrementBy(20).startWith(100))}. A JPA
     * {@code @SequenceGenerator}'s {@code allocationSize} must equal the increment (Hibernate checks
     * it at start-up). {@code startWith} changes only the start value; {@code restartWith} sets the
     * next value handed out (which may repeat values in use); {@code minValue}, {@code maxValue},
     * {@code cycle}. PostgreSQL, H2 and MariaDB 10.3+ ({@code ALTER SEQUENCE}); MySQL has no sequences.
     */
    void alterSequence(String name, Consumer<dev.migrate.ops.AlterSequence.Builder> options);

    /** Runs one SQL statement as written. */
    void execute(String sql);

    /**
     * Runs one SQL statement with {@code ?} placeholders bound to {@code parameters} (online) or
     * rendered as literals of the dialect (offline).
     */
    void execute(String sql, Object... parameters);

    /**
     * Inserts rows (one value per column each, nulls allowed) with parameterized multi-row
     * {@code INSERT}s.
     */
    void bulkInsert(String table, List<String> columns, List<List<Object>> rows);

    /**
     * Backfills data in batches of at most {@code batchSize} rows, each its own short statement:
     * {@code UPDATE table SET setClause WHERE whereClause}. The where clause must match only rows
     * not updated yet, so the batches end and an interrupted run resumes where it stopped. Online,
     * each batch commits on its own, and the revision's statements before the backfill commit
     * before its first batch (so a long backfill never holds their locks); the revision is recorded
     * only after the last batch. After a failed batch, the next run resumes the revision at its
     * backfill: the statements before it were committed with a resume point (in
     * {@code migrate_progress}) and are not repeated, unless the revision was edited since. Offline
     * scripts get one unbatched {@code UPDATE}.
     */
    void batchedUpdate(String table, String setClause, String whereClause, int batchSize);

    /**
     * Runs Java code on the revision's JDBC connection, inside its transaction. Online only: a
     * revision that uses it cannot be written to an offline script. The code itself is invisible
     * to the revision's checksum (a fixed marker stands for it), so an edit of its body goes
     * unnoticed by {@code check} and {@code upgrade}; declare a version with
     * {@link #withConnection(String, ConnectionCallback)} and change it with the body.
     */
    void withConnection(ConnectionCallback callback);

    /**
     * {@link #withConnection(ConnectionCallback)} with a version of the code that takes part in the
     * revision's checksum: change it ({@code "v1"} to {@code "v2"}) whenever the body changes, so an
     * edit after the revision ran is reported like any other. Example:
     * {@code op.withConnection("v2", c -> ...)}.
     */
    void withConnection(String version, ConnectionCallback callback);
}
