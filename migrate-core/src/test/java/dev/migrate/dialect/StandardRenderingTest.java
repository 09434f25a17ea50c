package dev.migrate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.migrate.MigrateException;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standard renderer's refusals, seen through a dialect that overrides nothing. */
class StandardRenderingTest {

    /** A dialect with only the standard rendering, as a future dialect starts out. */
    private static final class PlainDialect extends StandardSqlDialect {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        public DialectCapabilities capabilities() {
            return new DialectCapabilities(false, false);
        }

        @Override
        public ConnectionDefaults connectionDefaults() {
            return () -> "plain:plain-driver";
        }
    }

    private final Dialect dialect = new PlainDialect();

    @Test
    void usingIndexIsRefusedWhereNobodyHandlesIt() {
        MigrateException e = assertThrows(MigrateException.class, () -> RenderedSql.sql(dialect, null,
                op -> op.addUnique("uq", "t", List.of("a"), k -> k.usingIndex("ix"))));
        assertEquals("addUnique uq on t: the option 'usingIndex' is not supported on plain; remove usingIndex(...) "
                + "(and the index built for it) so the constraint builds its own index.", e.getMessage());
    }

    @Test
    void concurrentlyIsRefusedWhereNobodyHandlesIt() {
        MigrateException e = assertThrows(MigrateException.class, () -> RenderedSql.sql(dialect, null,
                op -> op.createIndex("ix", "t", List.of("a"), ix -> ix.concurrently())));
        assertEquals("index: the option 'concurrently' is not supported on plain; remove concurrently().", e.getMessage());
    }

    @Test
    void batchesNeedARowIdentifier() {
        BatchedUpdate update = new BatchedUpdate(QualifiedName.of(null, "t"), "a = 1", "a IS NULL", 10);
        MigrateException e = assertThrows(MigrateException.class, () -> dialect.renderUpdateBatch(update, null));
        assertEquals("batchedUpdate on t: the option 'batchSize' is not supported on plain; the database has no row "
                + "identifier to pick a batch by; use op.execute with your own key ranges.", e.getMessage());
    }

    @Test
    void standardTypeNamesAndUsingRefusal() {
        assertEquals(List.of("ALTER TABLE \"t\" ADD COLUMN \"j\" JSON", "ALTER TABLE \"t\" ADD COLUMN \"b\" VARBINARY",
                "ALTER TABLE \"t\" ADD COLUMN \"x\" TEXT"),
                RenderedSql.sql(dialect, null, op -> {
                    op.addColumn("t", "j", dev.migrate.ops.ColumnType.JSONB);
                    op.addColumn("t", "b", dev.migrate.ops.ColumnType.BYTES);
                    op.addColumn("t", "x", dev.migrate.ops.ColumnType.TEXT);
                }));
        assertThrows(MigrateException.class, () -> RenderedSql.sql(dialect, null, op -> op.alterColumn("t", "a",
                c -> c.type(dev.migrate.ops.ColumnType.BIGINT).using("a::bigint"))));
    }
}
