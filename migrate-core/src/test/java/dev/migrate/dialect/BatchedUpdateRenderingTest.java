package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.dialect.h2.H2Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.QualifiedName;
import dev.migrate.ops.WithConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchedUpdateRenderingTest {

    private final BatchedUpdate update = new BatchedUpdate(QualifiedName.parse("ticket", "test"),
            "status = 'open'", "status IS NULL", 500);

    @Test
    void postgresBatchPicksRowsByCtid() {
        assertEquals(SqlStatement.of("UPDATE \"ticket\" SET status = 'open' WHERE ctid IN "
                + "(SELECT ctid FROM \"ticket\" WHERE status IS NULL LIMIT 500)"),
                new PostgresDialect().renderUpdateBatch(update, null));
    }

    @Test
    void h2BatchPicksRowsByRowId() {
        assertEquals(SqlStatement.of("UPDATE \"app\".\"ticket\" SET status = 'open' WHERE _ROWID_ IN "
                + "(SELECT _ROWID_ FROM \"app\".\"ticket\" WHERE status IS NULL LIMIT 500)"),
                new H2Dialect().renderUpdateBatch(update, "app"));
    }

    @Test
    void offlineFormIsOneUnbatchedUpdate() {
        assertEquals(List.of(SqlStatement.of("UPDATE \"app\".\"ticket\" SET status = 'open' WHERE status IS NULL")),
                new PostgresDialect().render(update, "app"));
    }

    @Test
    void withConnectionCannotBeRendered() {
        MigrateException e = assertThrows(MigrateException.class,
                () -> new H2Dialect().render(new WithConnection(c -> { }), null));
        assertEquals("withConnection runs Java code on a live connection and has no SQL form, so it cannot go into an "
                + "offline script (migrate.sql); run this revision online, or use op.execute(sql) instead.", e.getMessage());
    }

    @Test
    void executeKeepsSqlAndParameters() {
        assertEquals(List.of(SqlStatement.of("DELETE FROM t WHERE id = ?", 7)),
                new H2Dialect().render(new dev.migrate.ops.ExecuteSql("DELETE FROM t WHERE id = ?", List.of(7)), "x"));
    }
}
