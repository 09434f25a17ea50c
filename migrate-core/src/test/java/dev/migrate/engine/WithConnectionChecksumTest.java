package dev.migrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialects;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.VersionChange;
import dev.migrate.ops.ConnectionCallback;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A withConnection body is code, which the checksum cannot see; the version a revision declares
 * for it takes part, so editing the body and its version shows up like any edit.
 */
class WithConnectionChecksumTest {

    private static final ConnectionCallback BODY = connection -> { };

    private static String checksum(java.util.function.Consumer<dev.migrate.Operations> upgrade) {
        TestRevisions revisions = new TestRevisions().add("w1", null, upgrade, op -> { });
        return RenderedRevision.render(revisions.all().get(0),
                new PlanStep(revisions.all().get(0).descriptor(), Direction.UP, new VersionChange(List.of(), List.of())),
                Dialects.forUrl("jdbc:h2:mem:x"), null).checksum();
    }

    @Test
    void theDeclaredVersionTakesPartInTheChecksum() {
        String v1 = checksum(op -> op.withConnection("v1", BODY));
        String v2 = checksum(op -> op.withConnection("v2", BODY));
        assertNotEquals(v1, v2);
        assertEquals(v1, checksum(op -> op.withConnection(" v1 ", BODY)));
        assertNotEquals(v1, checksum(op -> op.withConnection(BODY)));
    }

    @Test
    void withoutAVersionTheChecksumIsTheMarkerAsBefore() {
        // Every existing history row holds this value: it must not move.
        assertEquals(Checksums.of(List.of(SqlStatement.of("-- withConnection"))), checksum(op -> op.withConnection(BODY)));
    }

    @Test
    void aMissingOrBlankVersionIsRejected() {
        MigrateException missing = assertThrows(MigrateException.class, () -> checksum(op -> op.withConnection(null, BODY)));
        assertEquals("Revision 'w1' (com.example.Rev_w1), upgrade(): withConnection(version, callback)"
                + " needs a version, e.g. \"v2\"; without one, use withConnection(callback).", missing.getMessage());
        assertThrows(MigrateException.class, () -> checksum(op -> op.withConnection("  ", BODY)));
    }
}
