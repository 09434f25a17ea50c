package dev.migrate.dialect;

import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.Operation;
import java.time.Duration;
import java.util.List;

/** One database's SQL for revisions: quoting, literals, operations, offline scripts and session settings. */
public interface SqlRendering {

    /** Quotes one identifier, doubling embedded quote characters. */
    String quote(String identifier);

    /** {@code "schema"."name"}, or {@code "name"} when schema is null or empty. */
    default String qualify(String schema, String name) {
        return schema == null || schema.isEmpty() ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** A value as a SQL literal, for offline scripts where nothing can be bound. */
    String literal(Object value);

    /**
     * {@code statement}'s text with each {@code ?} placeholder replaced by its parameter's
     * {@link #literal}, for offline scripts; question marks inside strings, quoted identifiers and
     * comments stay. Fails when placeholders and parameters differ in number.
     */
    default String inline(SqlStatement statement) {
        return SqlLiterals.inline(statement, this);
    }

    // ---- offline scripts ----

    /** The statement that opens a revision's transaction in a script, for example {@code BEGIN}. */
    SqlStatement beginScriptTransaction();

    /** The statement that ends a revision's transaction in a script, for example {@code COMMIT}. */
    SqlStatement commitScriptTransaction();

    /** {@code statement} as it stands in a script: parameters inlined, terminated, followed by a blank line. */
    String scriptStatement(SqlStatement statement);

    /** {@code text} as a one-line script comment, followed by a blank line. */
    String scriptComment(String text);

    /**
     * Adds to {@code table} a constraint given by its definition in this database's own words, as a
     * {@link SchemaSnapshot} read it ({@code FOREIGN KEY (a) REFERENCES p(id) DEFERRABLE}): for a
     * constraint the typed operations cannot hold, which autogenerate's downgrade must recreate as it
     * was. {@code name} null: the database names the constraint.
     */
    String addConstraintAsDefined(String table, String name, String definition);

    /** The statements that carry out one operation; {@code schema} is the default schema or null. */
    List<SqlStatement> render(Operation operation, String schema);

    /**
     * One batch of a {@link BatchedUpdate} (at most {@code batchSize} rows); the engine runs it
     * until it updates no row. {@link #render} gives the unbatched form for offline scripts.
     */
    SqlStatement renderUpdateBatch(BatchedUpdate update, String schema);

    /**
     * A query counting the rows a {@link BatchedUpdate}'s WHERE clause selects, so progress can say
     * how far along the update is; the engine gives it a few seconds and goes on without a total.
     */
    SqlStatement renderBatchedRowCount(BatchedUpdate update, String schema);

    /**
     * Statements that make {@code schema} the session's default for unqualified names, so that
     * plain SQL in revisions ({@code op.execute}) lands where the typed operations do
     * ({@code migrate.schema}); empty when the database has no such setting.
     */
    default List<SqlStatement> useSchema(String schema) {
        return List.of();
    }

    /**
     * Drops {@code schema} with everything in it (autogenerate's scratch schema, on databases where
     * DDL commits and the schema cannot be rolled back).
     */
    SqlStatement dropSchemaWithContents(String schema);

    /** Statement that bounds how long each following statement waits for a table lock; empty when unsupported. */
    List<SqlStatement> ddlLockTimeout(Duration timeout);
}
