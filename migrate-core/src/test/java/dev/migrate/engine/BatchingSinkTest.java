package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.dialect.SqlStatement;
import dev.migrate.testing.PostgresDatabaseExtension;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batching decorator on a real PostgreSQL session: what it holds back, when it sends, what a failure names. */
@ExtendWith(PostgresDatabaseExtension.class)
class BatchingSinkTest {

    private static final SqlStatement COMMIT = SqlStatement.of("COMMIT");

    private static boolean exists(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect();
                ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
            return tables.next();
        }
    }

    @Test
    void holdsBackBatchableStatementsUntilTheCommitSendsThemInOneRoundTrip(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            BatchingSink sink = new BatchingSink(new JdbcSink(connection), COMMIT);
            assertEquals(StatementSink.UNKNOWN_COUNT, sink.execute(SqlStatement.of("CREATE TABLE \"bs_held\" (\"id\" INT)")),
                    "a held-back statement has no count yet");
            assertFalse(exists(database, "bs_held"), "nothing was sent before the commit");
            sink.commit();
            assertTrue(exists(database, "bs_held"));
        }
    }

    @Test
    void aStatementThatNeedsItsCountIsSentAtOnceAfterTheBatch(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            BatchingSink sink = new BatchingSink(new JdbcSink(connection), COMMIT);
            sink.execute(SqlStatement.of("CREATE TABLE \"bs_count\" (\"id\" INT)"));
            sink.execute(SqlStatement.of("INSERT INTO \"bs_count\" VALUES (1)"));
            sink.execute(SqlStatement.of("INSERT INTO \"bs_count\" VALUES (2)"));
            assertEquals(2, sink.executeNow(SqlStatement.of("UPDATE \"bs_count\" SET \"id\" = \"id\" + 1")),
                    "the batch ran first, so the update sees both rows");
            assertEquals(1, sink.execute(SqlStatement.of("DELETE FROM \"bs_count\" WHERE \"id\" = ?", 2)),
                    "a statement with parameters cannot be batched: it is sent at once, with its count");
            sink.commit();
        }
    }

    @Test
    void aFailingBatchNamesItsFailingStatementAndRollsBackTheOthers(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            BatchingSink sink = new BatchingSink(new JdbcSink(connection), COMMIT);
            sink.execute(SqlStatement.of("CREATE TABLE \"bs_fail\" (\"id\" INT)"));
            sink.execute(SqlStatement.of("ALTER TABLE \"bs_fail\" ADD COLUMN \"id\" INT"));
            sink.execute(SqlStatement.of("CREATE TABLE \"bs_after\" (\"id\" INT)"));
            BatchingSink.BatchFailure failure = assertThrows(BatchingSink.BatchFailure.class, sink::commit);
            assertEquals(FailurePoint.statement("ALTER TABLE \"bs_fail\" ADD COLUMN \"id\" INT"), failure.point());
            assertEquals("42701", failure.database().getSQLState(), "the database's own error, not the driver's batch wrapper");
            assertEquals("42701", failure.getSQLState());
            sink.rollbackQuietly();
            assertFalse(exists(database, "bs_fail"), "the transaction was aborted at the failure");
            assertFalse(exists(database, "bs_after"));
        }
    }

    @Test
    void aCommitRefusedInTheBatchIsNamedAsTheCommit(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            BatchingSink sink = new BatchingSink(new JdbcSink(connection), COMMIT);
            sink.execute(SqlStatement.of("CREATE TABLE \"bs_parent\" (\"id\" INT PRIMARY KEY)"));
            sink.execute(SqlStatement.of("CREATE TABLE \"bs_child\" (\"parent\" INT REFERENCES \"bs_parent\""
                    + " DEFERRABLE INITIALLY DEFERRED)"));
            sink.execute(SqlStatement.of("INSERT INTO \"bs_child\" VALUES (7)"));
            BatchingSink.BatchFailure failure = assertThrows(BatchingSink.BatchFailure.class, sink::commit);
            assertEquals(FailurePoint.COMMIT, failure.point(), "the deferred foreign key is checked at the commit");
            assertTrue(failure.point().atCommit());
            sink.rollbackQuietly();
            assertFalse(exists(database, "bs_child"));
        }
    }
}
