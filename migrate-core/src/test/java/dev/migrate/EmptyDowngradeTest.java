package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Downgrading a revision whose downgrade() is empty though its upgrade() is not warns instead of passing silently. */
class EmptyDowngradeTest {

    @Test
    void anEmptyDowngradeOfARevisionThatChangedSomethingIsReported() {
        List<String> warnings = new ArrayList<>();
        Migrator migrator = Migrator.builder().url("jdbc:h2:mem:empty_downgrade;DB_CLOSE_DELAY=-1")
                .revisions(List.of(
                        revision("e00000000001", List.of(), op -> op.execute("CREATE TABLE t1 (id INT)"),
                                op -> op.execute("DROP TABLE t1")),
                        revision("e00000000002", List.of("e00000000001"), op -> op.execute("CREATE TABLE t2 (id INT)"),
                                op -> { }),
                        // Nothing up, nothing down (a placeholder): nothing to say.
                        revision("e00000000003", List.of("e00000000002"), op -> { }, op -> { })))
                .listener(event -> {
                    if (event instanceof MigrationEvent.EmptyDowngrade) {
                        warnings.add(event.describe());
                    }
                })
                .build();
        migrator.upgrade("head");
        migrator.downgrade("base");
        assertEquals(List.of("Revision e00000000002 (com.example.db.R2) has an empty downgrade(), though its upgrade()"
                + " changes the database: this downgrade moves only the version table, and what upgrade() did stays (a"
                + " later upgrade of it may then fail on it). Write the downgrade, or throw from it when the revision"
                + " cannot be undone."), warnings);
    }

    private static IndexedRevision revision(String id, List<String> revises, Consumer<Operations> up,
            Consumer<Operations> down) {
        return new IndexedRevision(new RevisionDescriptor(id, revises, List.of(), List.of(), "",
                "com.example.db.R" + id.charAt(id.length() - 1)), () -> new Migration() {
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
