package dev.migrate.engine;

import dev.migrate.dialect.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Statements collected to reach the database in one round trip (one JDBC batch on a plain
 * statement). Used only on databases with transactional DDL, where a failed statement aborts the
 * transaction, so nothing after it in the batch can take effect once the revision rolls back.
 * Each entry keeps the text named in a failure message, so a failing batch still names the
 * exact statement that failed.
 */
final class StatementBatch {

    /** First words of statements that never return rows (a batch cannot carry a query). */
    private static final Set<String> ROWLESS = Set.of("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE",
            "COMMENT", "GRANT", "REVOKE", "TRUNCATE");

    private final List<String> sql = new ArrayList<>();
    private final List<FailurePoint> labels = new ArrayList<>();
    private FailurePoint failed = FailurePoint.START;

    /**
     * True when {@code statement} can go into a batch: no parameters, inside the transaction, one
     * statement (no {@code ;} but a trailing one, so drivers never split it into several results),
     * and one that returns no rows.
     */
    static boolean batchable(SqlStatement statement) {
        if (!statement.parameters().isEmpty() || statement.runsOutsideTransaction()) {
            return false;
        }
        String text = withoutTerminator(statement.sql());
        if (text.indexOf(';') >= 0) {
            return false;
        }
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String first = text.substring(0, end).toUpperCase(Locale.ROOT);
        return ROWLESS.contains(first) && !text.toUpperCase(Locale.ROOT).contains("RETURNING");
    }

    /** Adds plain SQL text; {@code label} is what a failure message names. */
    void add(String text, FailurePoint label) {
        sql.add(text);
        labels.add(label);
    }

    boolean isEmpty() {
        return sql.isEmpty();
    }

    /** Forgets what was added and not sent (after a failure elsewhere in the revision). */
    void discard() {
        sql.clear();
        labels.clear();
    }

    /** The label of the statement that failed in the last {@link #send}. */
    FailurePoint failed() {
        return failed;
    }

    /**
     * Sends everything added so far and forgets it; the update counts in order. On failure,
     * {@link #failed()} names the failing statement and the database's own error is thrown
     * (not the driver's batch wrapper), so its SQLState and vendor code reach the message.
     */
    int[] send(Connection connection) throws SQLException {
        List<String> texts = List.copyOf(sql);
        List<FailurePoint> names = List.copyOf(labels);
        sql.clear();
        labels.clear();
        try (Statement statement = connection.createStatement()) {
            for (String text : texts) {
                statement.addBatch(text);
            }
            return statement.executeBatch();
        } catch (BatchUpdateException e) {
            int index = failedIndex(e.getUpdateCounts(), texts, e.getMessage());
            failed = index >= 0 ? names.get(index) : FailurePoint.unnamedInBatch(texts.size(), false);
            SQLException cause = e.getNextException();
            throw cause != null ? cause : e;
        } catch (SQLException e) {
            // Not a statement's error (a lost connection): a COMMIT in the batch may have run or not.
            failed = names.contains(FailurePoint.COMMIT) ? FailurePoint.COMMIT : FailurePoint.unnamedInBatch(texts.size(), true);
            throw e;
        }
    }

    /**
     * The failing entry: drivers that stop at the failure report the counts of the statements
     * before it, drivers that go on mark it {@link Statement#EXECUTE_FAILED}; PostgreSQL's driver
     * marks every entry failed (the transaction is aborted) and names the statement in its
     * message instead, so the longest statement text that message contains is the one. -1 when
     * nothing tells.
     */
    static int failedIndex(int[] counts, List<String> texts, String message) {
        int size = texts.size();
        if (counts != null && counts.length < size) {
            return counts.length;
        }
        int firstFailed = -1;
        boolean allFailed = counts != null;
        for (int i = 0; counts != null && i < size; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                firstFailed = firstFailed < 0 ? i : firstFailed;
            } else {
                allFailed = false;
            }
        }
        return firstFailed >= 0 && !allFailed ? firstFailed : namedIn(message, texts);
    }

    private static int namedIn(String message, List<String> texts) {
        int found = -1;
        int length = 0;
        for (int i = 0; message != null && i < texts.size(); i++) {
            String text = withoutTerminator(texts.get(i));
            if (text.length() > length && message.contains(text)) {
                found = i;
                length = text.length();
            }
        }
        return found;
    }

    private static String withoutTerminator(String sql) {
        String text = sql.strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    }
}
