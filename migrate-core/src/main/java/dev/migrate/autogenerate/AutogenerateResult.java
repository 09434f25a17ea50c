package dev.migrate.autogenerate;

import dev.migrate.ops.Operation;
import java.util.List;

/**
 * What autogenerate found: the differences and the operations that turn the database into the
 * model ({@code upgrade}) and back ({@code downgrade}), each list in an order that runs.
 *
 * @param changes   the differences, one each
 * @param upgrade   operations from the database's schema to the model's
 * @param downgrade operations from the model's schema back to the database's
 * @param notes     what a person must review before applying the upgrade
 */
public record AutogenerateResult(List<Change> changes, List<Operation> upgrade, List<Operation> downgrade,
                                 List<ReviewNote> notes) {

    public AutogenerateResult {
        changes = List.copyOf(changes);
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        notes = List.copyOf(notes);
    }

    /** True when model and database agree. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
