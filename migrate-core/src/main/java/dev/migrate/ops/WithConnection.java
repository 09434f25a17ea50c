package dev.migrate.ops;

import java.util.Objects;

/**
 * {@code op.withConnection(c -> ...)}: Java code run on the revision's connection. It has no SQL
 * form, so an offline script ({@code migrate.sql}) cannot contain it: rendering fails with a
 * message, and the engine runs it directly when online. Code cannot be hashed: the checksum sees a
 * fixed marker plus {@code version}, which the revision changes when it edits the body
 * ({@code op.withConnection("v2", c -> ...)}).
 *
 * @param version  the body's version as the revision declares it, or null (none declared)
 * @param callback the code
 */
public record WithConnection(String version, ConnectionCallback callback) implements Operation {

    public WithConnection {
        Objects.requireNonNull(callback, "callback");
        if (version != null && version.isBlank()) {
            throw new IllegalArgumentException("withConnection's version is blank: give it a text such as \"v2\","
                    + " or use withConnection(callback) without one.");
        }
    }

    /** A callback without a declared version. */
    public WithConnection(ConnectionCallback callback) {
        this(null, callback);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitWithConnection(this);
    }
}
