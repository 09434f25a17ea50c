package dev.migrate.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** {@code op.execute(sql, parameters...)}: one statement as the user wrote it. */
public record ExecuteSql(String sql, List<Object> parameters) implements Operation {

    public ExecuteSql {
        Objects.requireNonNull(sql, "sql");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}
