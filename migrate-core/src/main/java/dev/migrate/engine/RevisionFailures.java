package dev.migrate.engine;

import dev.migrate.RevisionFailedException;
import dev.migrate.dialect.DatabaseErrors;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** Builds the exception for a failed revision: what failed, where, and what state the database is in. */
final class RevisionFailures {

    private RevisionFailures() {
    }

    /**
     * What of a failed revision took effect where DDL commits implicitly: the statements (numbered, as
     * excerpts) that stay, those that did not run or were rolled back, the table that records it.
     */
    record StatementProgress(List<String> applied, List<String> notApplied, String table, int count,
            boolean runningMayHaveTakenEffect) {
    }

    /**
     * With {@code singleTransaction}, the message says the whole run's transaction was rolled back, unless
     * {@code implicitCommit}: a DDL statement of the run committed what ran before it (MariaDB, H2); with
     * {@code progress}, which statements took effect and that the next run resumes after them.
     */
    static RevisionFailedException of(RenderedRevision revision, FailurePoint point, Exception cause, List<String> heads,
            Dialect dialect, boolean singleTransaction, boolean implicitCommit, StatementProgress progress) {
        String statement = point.text();
        Direction direction = revision.step().direction();
        String verb = verb(direction);
        SQLException sql = cause instanceof SQLException e ? e : null;
        String what = sql != null ? sql.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        boolean stopped = cause instanceof StoppedBeforeStatement;
        // A stopped run's revision is not at fault: running again is all it takes.
        StringBuilder message = new StringBuilder("Revision ").append(revision.named())
                .append(stopped ? " stopped during " : " failed during ").append(verb).append(": ").append(what)
                .append("\n  statement: ").append(SqlStatement.excerpt(statement));
        if (sql != null && !stopped) {
            message.append("\n  SQLState: ").append(sql.getSQLState()).append(", vendor code: ").append(sql.getErrorCode());
            String hint = dialect.failureHint(sql.getSQLState(), sql.getErrorCode(), sql.getMessage());
            if (hint.isEmpty() && point.atCommit() && !isConnectionLoss(sql, dialect)) {
                hint = dialect.deferredCommitHint();
            }
            if (!hint.isEmpty()) {
                message.append("\n  hint: ").append(hint);
            }
        }
        if (progress != null) {
            message.append("\n").append(dialect.name()).append(" commits DDL implicitly, so the revision's first ")
                    .append(progress.count()).append(" statement(s) took effect and stay (recorded in ").append(progress.table())
                    .append("); the rest were rolled back or did not run:");
            progress.applied().forEach(line -> message.append("\n  applied:     ").append(line));
            progress.notApplied().forEach(line -> message.append("\n  not applied: ").append(line));
            return new RevisionFailedException(message.append("\nEarlier revisions stay applied and the version table is at ")
                    .append(heads(heads)).append(", not claiming this revision. ").append(stopped
                            ? "Running " + verb + " again is safe"
                            : "Fix the revision, keeping its first " + progress.count() + " statement(s) as they are, and run "
                                    + verb + " again")
                    .append(": it resumes at statement ").append(progress.count() + 1).append(".").toString(),
                    revision.id(), direction, sql == null ? null : sql.getSQLState(), sql == null ? 0 : sql.getErrorCode(),
                    statement, isConnectionLoss(cause, dialect), cause);
        }
        message.append("\nThe revision's transaction was rolled back");
        if (!dialect.capabilities().transactionalDdl()) {
            message.append(", but ").append(dialect.name()).append(" commits DDL implicitly, so DDL of this revision"
                    + " that ran before the failure may remain");
        }
        if (singleTransaction && implicitCommit) {
            message.append("; migrate.singleTransaction could not hold the run in one transaction, since each DDL"
                    + " statement commits what ran before it, so the revisions of this run before its last DDL statement"
                    + " stay applied and the version table is at ");
        } else {
            message.append(singleTransaction
                    ? "; the run's single transaction (migrate.singleTransaction) was rolled back with it, so the revisions"
                            + " before it in this run were undone too and the version table is at "
                    : "; earlier revisions stay applied and the version table is at ");
        }
        message.append(heads(heads)).append(". ").append(stopped ? "Running " + verb + " again is safe: it continues from there."
                : "Fix the revision and run " + verb + " again.");
        return new RevisionFailedException(message.toString(), revision.id(), direction,
                sql == null ? null : sql.getSQLState(), sql == null ? 0 : sql.getErrorCode(), statement,
                isConnectionLoss(cause, dialect), cause);
    }

    /**
     * True when {@code cause} says the session is gone (server restart, terminated backend,
     * network) rather than that the database refused a statement: the SQL standard's class 08
     * (connection exception), an I/O failure underneath, or what the dialect knows as a lost session.
     */
    static boolean isConnectionLoss(Throwable cause, DatabaseErrors errors) {
        for (Throwable t = cause; t instanceof SQLException; t = t.getCause()) {
            SQLException sql = (SQLException) t;
            String state = sql.getSQLState();
            if (state != null && state.startsWith("08") || errors.isLostSession(state, sql.getErrorCode())) {
                return true;
            }
            if (t.getCause() instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The message for a revision whose connection was lost: the revision is not at fault, so it
     * says what state the database is in and that running again is safe, instead of "fix the
     * revision".
     *
     * @param failed   what {@link #of} built
     * @param failedAtCommit true when the connection was lost at the revision's commit
     * @param progress where DDL commits implicitly and the revision ran statement by statement, which of its
     *                 statements took effect (recorded, so the next run resumes after them); else null
     * @param named    the revision as messages name it ({@code 'id' (class)})
     * @param where    host and port (never a password)
     * @param heads    the version table as the run left it, before the revision
     * @param reread   the version table read again on a new connection, or null when that failed
     * @param unreachable why the new connection failed, when {@code reread} is null
     */
    static RevisionFailedException connectionLost(RevisionFailedException failed, boolean failedAtCommit,
            StatementProgress progress, String named, String where, List<String> heads, Dialect dialect,
            List<String> reread, String unreachable) {
        String verb = verb(failed.direction());
        Throwable cause = failed.getCause();
        String what = cause == null ? "" : cause.getMessage();
        boolean atCommit = failedAtCommit || !dialect.capabilities().transactionalDdl();
        StringBuilder message = new StringBuilder("Revision ").append(named).append(" did not finish: the connection to ")
                .append(where).append(" was lost during ").append(verb).append(" (").append(what)
                .append("; SQLState ").append(failed.sqlState()).append(")")
                .append("\n  statement: ").append(SqlStatement.excerpt(failed.statement() == null ? "" : failed.statement()));
        if (progress != null) {
            appendStatementProgress(message, progress, failedAtCommit, dialect);
            message.append("\nEarlier revisions stay applied (the version table was at ").append(heads(heads))
                    .append(" before this revision).");
        } else {
            if (!atCommit) {
                message.append("\nThe server rolls back the open transaction of a session that ends, so nothing of this"
                        + " revision was applied");
            } else if (dialect.capabilities().transactionalDdl()) {
                message.append("\nThe connection was lost while the revision was being committed, so it may or may not"
                        + " have been applied");
            } else {
                message.append("\n").append(dialect.name()).append(" commits DDL implicitly, so DDL of this revision that"
                        + " ran before the connection was lost may remain");
            }
            message.append("; earlier revisions stay applied (the version table was at ").append(heads(heads))
                    .append(" before this revision).");
        }
        if (reread != null) {
            // Resuming is only news while the version table is where this run left it (no other run went on since).
            boolean resumes = progress != null && progress.count() > 0 && reread.equals(heads);
            message.append("\nRead again on a new connection, the version table is at ").append(heads(reread))
                    .append(". Running ").append(verb).append(" again is safe: ")
                    .append(resumes ? "it resumes revision '" + failed.revision() + "' at statement " + (progress.count() + 1)
                            : "it continues from there").append(".");
        } else {
            message.append("\nReading the version table again on a new connection failed: ").append(unreachable)
                    .append("\nOnce the database is back, 'migrate:current' shows where it stands, and running ")
                    .append(verb).append(" again is safe: it continues from there.");
        }
        return new RevisionFailedException(message.toString(), failed.revision(), failed.direction(), failed.sqlState(),
                failed.vendorCode(), failed.statement(), true, cause);
    }

    /**
     * Where DDL commits implicitly and the revision ran statement by statement: which of its statements
     * took effect before the connection was lost (committed together with their record, so the next run
     * resumes after them) and which did not.
     */
    private static void appendStatementProgress(StringBuilder message, StatementProgress progress, boolean atCommit,
            Dialect dialect) {
        if (atCommit) {
            // Every statement ran; what is open is the rest's transaction with the version table's update.
            message.append("\n").append(dialect.name()).append(" commits DDL implicitly, so the revision's first ")
                    .append(progress.count()).append(" statement(s) took effect and stay; the connection was lost while"
                            + " the rest were being committed with the version table's update, so they may or may not have"
                            + " been applied (the version table read again below tells):");
            progress.applied().forEach(line -> message.append("\n  applied:     ").append(line));
            progress.notApplied().forEach(line -> message.append("\n  not known:   ").append(line));
            return;
        }
        if (progress.count() == 0 && !progress.runningMayHaveTakenEffect()) {
            message.append("\nNo statement of this revision had taken effect: the server rolls back the open transaction"
                    + " of a session that ends.");
            return;
        }
        message.append("\n").append(dialect.name()).append(" commits DDL implicitly, so the revision's first ")
                .append(progress.count()).append(" statement(s) took effect and stay");
        if (progress.count() > 0) {
            message.append(" (recorded in ").append(progress.table()).append(")");
        }
        message.append("; the rest were rolled back or did not run:");
        progress.applied().forEach(line -> message.append("\n  applied:     ").append(line));
        progress.notApplied().forEach(line -> message.append("\n  not applied: ").append(line));
    }

    private static String verb(Direction direction) {
        return direction == Direction.UP ? "upgrade" : "downgrade";
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
