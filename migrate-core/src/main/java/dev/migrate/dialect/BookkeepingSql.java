package dev.migrate.dialect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The statements of migrate's own tables in one database's SQL: the version table, the history
 * table, the progress table of interrupted revisions, and the lock table that serializes runs on
 * databases without a {@link RunLock}.
 */
public interface BookkeepingSql {

    /** Creates the schema if it does not exist (only called when a schema is configured). */
    SqlStatement createSchemaIfMissing(String schema);

    /**
     * Creates one of migrate's own tables named {@code name}, as {@link BookkeepingTable} defines it,
     * unless a table of that name exists (which is then left as it is).
     */
    SqlStatement createIfMissing(BookkeepingTable table, String schema, String name);

    SqlStatement selectVersions(String schema, String table);

    /**
     * A query whose single row counts the tables named {@code table} in {@code schema} (null: the
     * connection's own), asked before one of migrate's tables is read where reading a missing table
     * is not quiet: MariaDB Connector/J logs a warning for every statement the server refuses, so a
     * first run would print "Table ... doesn't exist" although nothing is wrong. Empty where the read
     * is tried and the missing table caught instead (one round trip fewer).
     */
    default Optional<SqlStatement> countTables(String schema, String table) {
        return Optional.empty();
    }

    SqlStatement insertVersion(String schema, String table, String revision);

    SqlStatement deleteVersion(String schema, String table, String revision);

    SqlStatement updateVersion(String schema, String table, String from, String to);

    /** Removes every row of the version table ({@code stamp} with purge). */
    SqlStatement deleteAllVersions(String schema, String table);

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
     * recognised by {@link DatabaseErrors#isVersionCheckFailure}.
     */
    default Optional<SqlStatement> checkedVersionChange(SqlStatement change, String schema, String historyTable,
            List<Object> history) {
        return Optional.empty();
    }


    /**
     * The rows of the table of interrupted batched updates ({@link BookkeepingTable#PROGRESS}): revision,
     * direction, checksum, resume_at (the index of the step the revision resumes at).
     */
    SqlStatement selectProgress(String schema, String table);

    /** Records a resume point; parameters: revision, direction, checksum, resume_at. */
    SqlStatement insertProgress(String schema, String table);

    /** Forgets the resume point of one revision and direction; parameters: revision, direction. */
    SqlStatement deleteProgress(String schema, String table);

    /**
     * Statements that change no row of migrate's {@code table} (named {@code name}) but need every
     * privilege migrate's own writes to it need: insert, update and delete on the version table, insert on
     * the history, insert and delete on the progress table; none for the lock table. Where DDL commits
     * implicitly the engine sends them before the first revision, so a user who may create tables but not
     * write these rows fails there, instead of after a revision's DDL committed for good with no row
     * recording it.
     */
    List<SqlStatement> probeWrites(BookkeepingTable table, String schema, String name);

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
