package dev.migrate.autogenerate;

import dev.migrate.ops.Operation;
import java.util.List;
import java.util.Objects;

/**
 * A model's schema as the operations that create it from nothing (see {@link ModelSource#read}).
 *
 * @param source     what read it, for messages (for example {@code Hibernate ORM 6.6.13.Final})
 * @param operations the operations, in an order that runs on an empty schema
 */
public record ModelSchema(String source, List<Operation> operations) {

    public ModelSchema {
        Objects.requireNonNull(source, "source");
        operations = List.copyOf(operations);
    }
}
