package dev.migrate.dialect;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One table: its columns in declaration order, its indexes sorted by name and its constraints in
 * a stable order, so that two snapshots of the same schema are {@code equals}.
 */
public record TableSnapshot(String name, List<ColumnSnapshot> columns, List<IndexSnapshot> indexes,
                            List<ConstraintSnapshot> constraints) {

    public TableSnapshot {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        indexes = indexes.stream().sorted(Comparator.comparing(IndexSnapshot::name)).collect(Collectors.toUnmodifiableList());
        constraints = constraints.stream().sorted(Comparator.comparing(ConstraintSnapshot::key))
                .collect(Collectors.toUnmodifiableList());
    }
}
