package dev.migrate.maven;

import dev.migrate.ops.Operation;
import java.util.List;

/**
 * The generated contents of a revision's methods (autogenerate): the operations of
 * {@code upgrade} and {@code downgrade}, and one review line per change a person must check,
 * written as {@code // REVIEW:} comments at the top of {@code upgrade}.
 */
record RevisionBody(List<Operation> upgrade, List<Operation> downgrade, List<String> review) {

    RevisionBody {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        review = List.copyOf(review);
    }
}
