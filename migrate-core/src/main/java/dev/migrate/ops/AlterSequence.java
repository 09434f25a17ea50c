package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code op.alterSequence(name, s -> s.incrementBy(20).startWith(100))}: changes the options of a
 * sequence that exists; what the lambda does not set stays as it is.
 *
 * <p>{@code startWith} changes the value the sequence starts from (what a later plain restart
 * goes back to) and leaves the next value alone; {@code restartWith} sets the next value the
 * sequence hands out, which may hand out values that are already in use. To change a JPA
 * {@code @SequenceGenerator}'s {@code allocationSize} or {@code initialValue} of a table that has
 * rows, {@code incrementBy} and {@code startWith} are what you want (autogenerate writes these).
 *
 * @param increment the new step, or null to keep it
 * @param start     the new start value, or null to keep it
 * @param restart   the next value to hand out, or null to keep counting where the sequence is
 * @param minValue  the new lowest value, or null to keep it
 * @param maxValue  the new highest value, or null to keep it
 * @param cycle     true to wrap around at the end, false to fail there, null to keep it
 */
public record AlterSequence(QualifiedName sequence, Long increment, Long start, Long restart, Long minValue, Long maxValue,
                            Boolean cycle) implements Operation {

    public AlterSequence {
        Objects.requireNonNull(sequence, "sequence");
        if (increment != null && increment == 0) {
            throw new MigrateException("alterSequence " + sequence + ": incrementBy(0) never advances; use a non-zero step.");
        }
        if (increment == null && start == null && restart == null && minValue == null && maxValue == null && cycle == null) {
            throw new MigrateException("alterSequence " + sequence + ": nothing to change; set at least one of incrementBy, "
                    + "startWith, restartWith, minValue, maxValue or cycle in the lambda.");
        }
        if (minValue != null && maxValue != null && minValue > maxValue) {
            throw new MigrateException("alterSequence " + sequence + ": minValue(" + minValue + ") is above maxValue("
                    + maxValue + "); swap them.");
        }
    }

    /** Only the step and the start value, as autogenerate writes for a changed {@code @SequenceGenerator}. */
    public static AlterSequence of(QualifiedName sequence, Long increment, Long start) {
        return new AlterSequence(sequence, increment, start, null, null, null, null);
    }

    /** Builds the operation from the user's lambda. */
    public static AlterSequence of(String name, Consumer<Builder> options) {
        Builder built = new Builder();
        options.accept(built);
        return new AlterSequence(QualifiedName.parse(name, "alterSequence"), built.increment, built.start, built.restart,
                built.minValue, built.maxValue, built.cycle);
    }

    /** The options to change, set in the lambda; each is left as the sequence has it unless set. */
    public static final class Builder {
        private Long increment;
        private Long start;
        private Long restart;
        private Long minValue;
        private Long maxValue;
        private Boolean cycle;

        Builder() {
        }

        /** The new step ({@code INCREMENT BY}); a JPA {@code allocationSize} must equal it. */
        public Builder incrementBy(long value) {
            increment = value;
            return this;
        }

        /** The new start value ({@code START WITH}); the next value handed out does not change. */
        public Builder startWith(long value) {
            start = value;
            return this;
        }

        /** The next value to hand out ({@code RESTART WITH}); careful: it may hand out values already used. */
        public Builder restartWith(long value) {
            restart = value;
            return this;
        }

        /** The new lowest value ({@code MINVALUE}). */
        public Builder minValue(long value) {
            minValue = value;
            return this;
        }

        /** The new highest value ({@code MAXVALUE}). */
        public Builder maxValue(long value) {
            maxValue = value;
            return this;
        }

        /** Whether the sequence wraps around at its end ({@code CYCLE}) or fails there ({@code NO CYCLE}). */
        public Builder cycle(boolean value) {
            cycle = value;
            return this;
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAlterSequence(this);
    }
}
