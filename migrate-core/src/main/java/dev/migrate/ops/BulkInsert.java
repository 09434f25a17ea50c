package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * {@code op.bulkInsert(table, columns, rows)}: rows of values inserted with parameterized
 * multi-row {@code INSERT}s (values bound online, rendered as literals offline). Values may be
 * null.
 */
public record BulkInsert(QualifiedName table, List<String> columns, List<List<Object>> rows) implements Operation {

    public BulkInsert {
        java.util.Objects.requireNonNull(table, "table");
        if (columns == null || columns.isEmpty()) {
            throw new MigrateException("bulkInsert into " + table + ": no columns given; list the columns the rows fill.");
        }
        columns = List.copyOf(columns);
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new MigrateException("bulkInsert into " + table + ": a column is listed twice " + columns
                    + "; list each column once.");
        }
        List<List<Object>> copy = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row == null || row.size() != columns.size()) {
                throw new MigrateException("bulkInsert into " + table + ": row " + (i + 1) + " has "
                        + (row == null ? 0 : row.size()) + " value(s) but " + columns.size() + " column(s) " + columns
                        + " are listed; give every row one value per column.");
            }
            // Values may be null, which List.copyOf would reject.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitBulkInsert(this);
    }
}
