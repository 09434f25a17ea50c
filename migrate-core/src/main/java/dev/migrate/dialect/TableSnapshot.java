package dev.migrate.dialect;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One table: its columns in declaration order, its indexes sorted by name and its constraints in
 * a stable order, so that two snapshots of the same schema are {@code equals}.
 *
 * @param comment the table's comment, or null when it has none (an empty comment is none)
 */
public record TableSnapshot(String name, List<ColumnSnapshot> columns, List<IndexSnapshot> indexes,
                            List<ConstraintSnapshot> constraints, String comment) {

    /** A table without a comment. */
    public TableSnapshot(String name, List<ColumnSnapshot> columns, List<IndexSnapshot> indexes,
                         List<ConstraintSnapshot> constraints) {
        this(name, columns, indexes, constraints, null);
    }

    public TableSnapshot {
        Objects.requireNonNull(name, "name");
        comment = comment == null || comment.isEmpty() ? null : comment;
        columns = List.copyOf(columns);
        indexes = indexes.stream().sorted(Comparator.comparing(IndexSnapshot::name)).collect(Collectors.toUnmodifiableList());
        constraints = constraints.stream().sorted(Comparator.comparing(ConstraintSnapshot::key))
                .collect(Collectors.toUnmodifiableList());
    }
}
