package dev.migrate.engine;

import dev.migrate.dialect.SqlStatement;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.WithConnection;
import java.util.List;

/** One unit of a rendered revision, as the runner executes it. */
sealed interface Work {

    /** The statements this unit contributes to the revision's checksum (its offline form). */
    List<SqlStatement> checksummed();

    /** Plain statements, each either inside the transaction or in autocommit. */
    record Statements(List<SqlStatement> statements) implements Work {
        public Statements {
            statements = List.copyOf(statements);
        }

        @Override
        public List<SqlStatement> checksummed() {
            return statements;
        }
    }

    /** A backfill: online one batch repeats until it updates no row; offline {@code unbatched} runs once. */
    record Batches(BatchedUpdate update, List<SqlStatement> unbatched) implements Work {
        public Batches {
            unbatched = List.copyOf(unbatched);
        }

        @Override
        public List<SqlStatement> checksummed() {
            return unbatched;
        }
    }

    /** Java code on the live connection; online only. */
    record Callback(WithConnection operation) implements Work {
        // Code cannot be hashed; the marker keeps "a callback was here" in the checksum, with the
        // version the revision declares for it (none: the marker alone, as checksums always had it).
        private static final List<SqlStatement> MARKER = List.of(SqlStatement.of("-- withConnection"));

        @Override
        public List<SqlStatement> checksummed() {
            return operation.version() == null ? MARKER
                    : List.of(SqlStatement.of("-- withConnection " + operation.version()));
        }
    }
}
