package dev.migrate.dialect;

import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything migrate knows about one database's SQL: rendering operations, quoting, literals for
 * offline scripts, and the statements of its own bookkeeping (version table, history table, run
 * lock). The only place in migrate that holds SQL text.
 */
public interface Dialect {

    /** Short name used in messages and file names, for example {@code postgresql}. */
    String name();

    DialectCapabilities capabilities();

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

    /**
     * Advice for a statement that failed with this database error, when its usual cause is known;
     * empty otherwise. Appended to the revision's failure message.
     *
     * @param sqlState   the error's SQLState, may be null
     * @param vendorCode the database's own error code
     * @param message    the database's error message, may be null
     */
    default String failureHint(String sqlState, int vendorCode, String message) {
        return "";
    }

    /**
     * True when a database error means that a table (or its schema) does not exist, as when
     * migrate's own tables are read before the first run. Other errors, a missing privilege
     * above all, must not pass for "nothing applied yet".
     */
    boolean isMissingTable(String sqlState, int vendorCode);

    // ---- offline scripts ----

    /** The statement that opens a revision's transaction in a script, for example {@code BEGIN}. */
    SqlStatement beginScriptTransaction();

    /** The statement that ends a revision's transaction in a script, for example {@code COMMIT}. */
    SqlStatement commitScriptTransaction();

    /** {@code statement} as it stands in a script: parameters inlined, terminated, followed by a blank line. */
    String scriptStatement(SqlStatement statement);

    /** {@code text} as a one-line script comment, followed by a blank line. */
    String scriptComment(String text);

    /** The statements that carry out one operation; {@code schema} is the default schema or null. */
    List<SqlStatement> render(Operation operation, String schema);

    /**
     * One batch of a {@link BatchedUpdate} (at most {@code batchSize} rows); the engine runs it
     * until it updates no row. {@link #render} gives the unbatched form for offline scripts.
     */
    SqlStatement renderUpdateBatch(BatchedUpdate update, String schema);

    // ---- bookkeeping ----

    /** Creates the schema if it does not exist (only called when a schema is configured). */
    SqlStatement createSchemaIfMissing(String schema);

    /** Creates the version table {@code (version_num VARCHAR(...) PRIMARY KEY)} if missing. */
    SqlStatement createVersionTable(String schema, String table);

    SqlStatement selectVersions(String schema, String table);

    SqlStatement insertVersion(String schema, String table, String revision);

    SqlStatement deleteVersion(String schema, String table, String revision);

    SqlStatement updateVersion(String schema, String table, String from, String to);

    /** Removes every row of the version table ({@code stamp} with purge). */
    SqlStatement deleteAllVersions(String schema, String table);

    /** Creates the append-only history table if missing. */
    SqlStatement createHistoryTable(String schema, String table);

    /**
     * Inserts one history row; parameters in this order: revision, direction, checksum,
     * checksum_version, started, finished, success, executed_by, migrate_version.
     */
    SqlStatement insertHistory(String schema, String table);

    /** The history rows in insertion order, columns in {@link #insertHistory}'s parameter order. */
    SqlStatement selectHistory(String schema, String table);

    /**
     * A revision's version-table {@code change} and its history row as one statement that fails,
     * aborting the transaction, unless {@code change} touched exactly one row; empty when the
     * database cannot express that. With it the engine sends a revision, its bookkeeping and its
     * {@code COMMIT} in one round trip: the row-count check runs in the database, before the
     * commit, instead of in the client after it. {@code history} holds {@link #insertHistory}'s
     * values in its order; a dialect may replace the started and finished times among them by the
     * database's own clock (the transaction's start; the moment the statement runs, after the
     * revision's own statements). A failure of the check is
     * recognised by {@link #isVersionCheckFailure}.
     */
    default Optional<SqlStatement> checkedVersionChange(SqlStatement change, String schema, String historyTable,
            List<Object> history) {
        return Optional.empty();
    }

    /** True when a database error is the failed row-count check of {@link #checkedVersionChange}. */
    default boolean isVersionCheckFailure(String sqlState) {
        return false;
    }

    /**
     * Statements that make {@code schema} the session's default for unqualified names, so that
     * plain SQL in revisions ({@code op.execute}) lands where the typed operations do
     * ({@code migrate.schema}); empty when the database has no such setting.
     */
    default List<SqlStatement> useSchema(String schema) {
        return List.of();
    }

    /**
     * Creates, if missing, the table of interrupted batched updates: {@code revision}, {@code direction},
     * {@code checksum}, {@code resume_at} (the index of the step the revision resumes at), one row per
     * revision and direction.
     */
    SqlStatement createProgressTable(String schema, String table);

    /** Its rows: revision, direction, checksum, resume_at. */
    SqlStatement selectProgress(String schema, String table);

    /** Records a resume point; parameters: revision, direction, checksum, resume_at. */
    SqlStatement insertProgress(String schema, String table);

    /** Forgets the resume point of one revision and direction; parameters: revision, direction. */
    SqlStatement deleteProgress(String schema, String table);

    /** Statement that bounds how long each following statement waits for a table lock; empty when unsupported. */
    List<SqlStatement> ddlLockTimeout(Duration timeout);

    // ---- run lock (which one is used follows capabilities().advisoryLock()) ----

    /** {@code SELECT} returning one boolean: true when the session-level advisory lock {@code key} was taken. */
    SqlStatement tryAdvisoryLock(long key);

    /** Releases the session-level advisory lock {@code key}. */
    SqlStatement advisoryUnlock(long key);

    /**
     * The sessions holding the advisory lock {@code key}, for "who holds it" in messages; one row
     * each: pid, application name, client address (null when local), state (null when not visible),
     * current or last query, seconds in that state.
     */
    SqlStatement advisoryLockHolders(long key);

    /** {@code SELECT} returning this session's server process id (with advisory locks only). */
    SqlStatement sessionId();

    /** Cancels the statement that session {@code pid} is running (with advisory locks only); returns a boolean. */
    SqlStatement cancelSession(int pid);

    /** Ends session {@code pid}, rolling back its open transaction (with advisory locks only); returns a boolean. */
    SqlStatement terminateSession(int pid);

    /** Creates the one-row lock table (column {@code id INTEGER PRIMARY KEY}) if missing. */
    SqlStatement createLockTable(String schema, String table);

    /** Inserts the lock table's single row ({@code id = 1}) unless it exists. */
    SqlStatement insertLockRow(String schema, String table);

    /** Locks the lock table's row until the transaction ends ({@code SELECT ... FOR UPDATE}). */
    SqlStatement lockRow(String schema, String table);

    /**
     * Bounds how long the next row-lock attempt of this session waits before failing, so a
     * waiting run can poll, report and give up at {@code migrate.lockTimeout}; empty when the
     * database has no such setting.
     */
    List<SqlStatement> rowLockWait(Duration wait);
}
