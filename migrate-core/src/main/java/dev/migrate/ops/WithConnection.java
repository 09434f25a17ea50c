package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code op.withConnection(c -> ...)}: Java code run on the revision's connection. It has no SQL
 * form, so an offline script ({@code migrate.sql}) cannot contain it: rendering fails with a
 * message, and the engine runs it directly when online.
 */
public record WithConnection(ConnectionCallback callback) implements Operation {

    public WithConnection {
        Objects.requireNonNull(callback, "callback");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitWithConnection(this);
    }
}
