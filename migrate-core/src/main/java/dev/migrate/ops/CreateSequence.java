package dev.migrate.ops;

import dev.migrate.MigrateException;
import java.util.function.Consumer;

/**
 * {@code op.createSequence(name, s -> s.startWith(1000).incrementBy(10))}.
 *
 * @param start     the first value, or null for the database's default (1)
 * @param increment the step, or null for 1
 * @param noCache   every value is taken from the sequence itself, none held in memory ahead (as Hibernate's
 *                  export creates sequences on MariaDB: {@code nocache}); false for the database's default cache
 */
public record CreateSequence(QualifiedName sequence, Long start, Long increment, boolean noCache) implements Operation {

    public CreateSequence {
        java.util.Objects.requireNonNull(sequence, "sequence");
        if (increment != null && increment == 0) {
            throw new MigrateException("createSequence " + sequence + ": incrementBy(0) never advances; use a non-zero step.");
        }
    }

    /** A sequence with the database's default cache. */
    public CreateSequence(QualifiedName sequence, Long start, Long increment) {
        this(sequence, start, increment, false);
    }

    /** Builds the operation from the user's lambda. */
    public static CreateSequence of(String name, Consumer<Builder> options) {
        Builder built = new Builder();
        options.accept(built);
        return new CreateSequence(QualifiedName.parse(name, "createSequence"), built.start, built.increment, built.noCache);
    }

    /** The optional parts of a sequence, set in the lambda. */
    public static final class Builder {
        private Long start;
        private Long increment;
        private boolean noCache;

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

        /**
         * No values held in memory ahead ({@code NOCACHE} on MariaDB, {@code NO CACHE} on H2,
         * {@code CACHE 1} on PostgreSQL): what Hibernate's export writes on MariaDB.
         */
        public Builder noCache() {
            noCache = true;
            return this;
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitCreateSequence(this);
    }
}
