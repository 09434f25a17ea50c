package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code op.execute(sql, parameters...)}: one statement as the user wrote it. */
public record ExecuteSql(String sql, List<Object> parameters) implements Operation {

    public ExecuteSql {
        if (sql == null || sql.isBlank()) {
            throw new MigrateException("execute: the SQL statement is empty; pass the statement to run.");
        }
        // List.copyOf rejects nulls, and a bound parameter may be NULL.
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitExecuteSql(this);
    }
}
