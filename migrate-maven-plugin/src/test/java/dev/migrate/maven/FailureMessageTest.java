package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.migrate.MigrateException;
import java.io.EOFException;
import java.sql.SQLException;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.junit.jupiter.api.Test;

/**
 * What Maven prints after "Failed to execute goal ...:" for a migrate failure, computed by Maven's own
 * {@link DefaultExceptionHandler}: migrate's message and nothing after it, even when the cause chain
 * holds driver messages the message does not repeat (a MariaDB connection killed mid-revision).
 */
class FailureMessageTest {

    private static MigrateException lostConnection() {
        SQLException driver = new SQLException("(conn=6693) Socket error", "08000",
                new EOFException("unexpected end of stream, read 0 bytes from 4 (socket was closed by server)"));
        return new MigrateException("Revision 'b2b2b2b2b2b2' (fm.db.R2) did not finish: the connection to 127.0.0.1:3306"
                + " was lost during upgrade ((conn=6693) Socket error; SQLState 08000)\nRunning upgrade again is safe:"
                + " it resumes revision 'b2b2b2b2b2b2' at statement 2.", driver);
    }

    @Test
    void theSummaryIsMigratesMessageAlone() {
        MigrateException e = lostConnection();

        String summary = new DefaultExceptionHandler().handleException(AbstractMigrateMojo.failure(e)).getMessage();

        assertEquals(e.getMessage(), summary);
    }

    @Test
    void dashEKeepsTheCauseForItsStackTrace() {
        MigrateException e = lostConnection();

        Throwable cause = AbstractMigrateMojo.failure(e).getCause();
        assertEquals(e.toString(), cause.toString());
        assertArrayEquals(e.getStackTrace(), cause.getStackTrace());
        assertEquals(e.getCause().toString(), cause.getCause().toString());
    }
}
