package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.function.Consumer;

/**
 * {@code op.createSequence(name, s -> s.startWith(1000).incrementBy(10))}.
 *
 * @param start     the first value, or null for the database's default (1)
 * @param increment the step, or null for 1
 */
public record CreateSequence(QualifiedName sequence, Long start, Long increment) implements Operation {

    public CreateSequence {
        java.util.Objects.requireNonNull(sequence, "sequence");
        if (increment != null && increment == 0) {
            throw new MigrateException("createSequence " + sequence + ": incrementBy(0) never advances; use a non-zero step.");
        }
    }

    /** Builds the operation from the user's lambda. */
    public static CreateSequence of(String name, Consumer<Builder> options) {
        Builder built = new Builder();
        options.accept(built);
        return new CreateSequence(QualifiedName.parse(name, "createSequence"), built.start, built.increment);
    }

    /** The optional parts of a sequence, set in the lambda. */
    public static final class Builder {
        private Long start;
        private Long increment;

        Builder() {
        }

        public Builder startWith(long value) {
            start = value;
            return this;
        }

        public Builder incrementBy(long value) {
            increment = value;
            return this;
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitCreateSequence(this);
    }
}
