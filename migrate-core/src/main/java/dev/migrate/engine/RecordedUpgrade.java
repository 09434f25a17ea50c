package dev.migrate.engine;

import dev.migrate.Migration;
import dev.migrate.graph.Direction;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.Operation;
import java.util.List;

/**
 * One revision's upgrade as recorded operations, with the class they came from: what the lint
 * reads (operations, and {@code @AllowUnsafe} on the class). Recording runs no SQL.
 */
public record RecordedUpgrade(Class<? extends Migration> revisionClass, List<Operation> operations) {

    public RecordedUpgrade {
        operations = List.copyOf(operations);
    }

    /** Instantiates the revision through its index factory and records its upgrade for {@code database} (a dialect's name). */
    public static RecordedUpgrade of(IndexedRevision revision, String database) {
        Migration migration = RenderedRevision.create(revision);
        return new RecordedUpgrade(migration.getClass(), RenderedRevision.record(revision, migration, Direction.UP, database));
    }
}
