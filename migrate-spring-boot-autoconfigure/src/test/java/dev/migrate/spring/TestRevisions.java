package dev.migrate.spring;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndex;
import dev.migrate.ops.ColumnType;
import java.util.List;
import java.util.function.Consumer;

/** The test application's revision index (what migrate-processor generates for an application). */
public final class TestRevisions implements RevisionIndex {

    static final List<IndexedRevision> HISTORY = List.of(
            revision("b1", List.of(), op -> op.createTable("ticket", t -> {
                t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                t.column("title", ColumnType.varchar(200), c -> c.notNull());
            }), op -> op.dropTable("ticket")),
            revision("b2", List.of("b1"), op -> op.addColumn("ticket", "status", ColumnType.varchar(20)),
                    op -> op.dropColumn("ticket", "status")));

    /**
     * The history after someone edited b1 once it had run (a column more in its table, so its SQL and
     * checksum differ) and added b3: start-up finds b1 edited and b3 pending.
     */
    static final List<IndexedRevision> B1_EDITED_B3_PENDING = List.of(
            revision("b1", List.of(), op -> op.createTable("ticket", t -> {
                t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                t.column("title", ColumnType.varchar(200), c -> c.notNull());
                t.column("owner", ColumnType.varchar(50));
            }), op -> op.dropTable("ticket")),
            HISTORY.get(1),
            revision("b3", List.of("b2"), op -> op.addColumn("ticket", "priority", ColumnType.INTEGER),
                    op -> op.dropColumn("ticket", "priority")));

    @Override
    public List<IndexedRevision> revisions() {
        return HISTORY;
    }

    static IndexedRevision revision(String id, List<String> parents, Consumer<Operations> up, Consumer<Operations> down) {
        return new IndexedRevision(new RevisionDescriptor(id, parents, List.of(), List.of(), "revision " + id,
                "app.Rev_" + id), () -> new Migration() {
                    @Override
                    public void upgrade(Operations op) {
                        up.accept(op);
                    }

                    @Override
                    public void downgrade(Operations op) {
                        down.accept(op);
                    }
                });
    }
}
