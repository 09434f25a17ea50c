package dev.migrate.engine;

import dev.migrate.RevisionFailedException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import java.sql.SQLException;
import java.util.List;

/** Builds the exception for a failed revision: what failed, where, and what state the database is in. */
final class RevisionFailures {

    private RevisionFailures() {
    }

    static RevisionFailedException of(RenderedRevision revision, String statement, Exception cause, List<String> heads,
            Dialect dialect) {
        Direction direction = revision.step().direction();
        String verb = direction == Direction.UP ? "upgrade" : "downgrade";
        SQLException sql = cause instanceof SQLException e ? e : null;
        String what = sql != null ? sql.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        StringBuilder message = new StringBuilder("Revision ").append(revision.named()).append(" failed during ")
                .append(verb).append(": ").append(what)
                .append("\n  statement: ").append(SqlStatement.excerpt(statement));
        if (sql != null) {
            message.append("\n  SQLState: ").append(sql.getSQLState()).append(", vendor code: ").append(sql.getErrorCode());
            String hint = dialect.failureHint(sql.getSQLState(), sql.getErrorCode(), sql.getMessage());
            if (!hint.isEmpty()) {
                message.append("\n  hint: ").append(hint);
            }
        }
        message.append("\nThe revision's transaction was rolled back");
        if (!dialect.capabilities().transactionalDdl()) {
            message.append(", but ").append(dialect.name()).append(" commits DDL implicitly, so DDL of this revision"
                    + " that ran before the failure may remain");
        }
        message.append("; earlier revisions stay applied and the version table is at ")
                .append(heads.isEmpty() ? "base" : String.join(", ", heads))
                .append(". Fix the revision and run ").append(verb).append(" again.");
        return new RevisionFailedException(message.toString(), revision.id(), direction,
                sql == null ? null : sql.getSQLState(), sql == null ? 0 : sql.getErrorCode(), cause);
    }
}
