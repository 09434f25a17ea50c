package dev.migrate.graph;

/**
 * A parsed target in Alembic's grammar (see {@link TargetParser}). {@code branch} is the part
 * before {@code @} (a branch label, or a revision id standing for its branch), or null.
 */
public sealed interface Target permits Target.Head, Target.Heads, Target.Base, Target.Revision, Target.Relative {

    /** The text the target was parsed from, for messages. */
    String text();

    /** The part before {@code @}, or null when the target has none. */
    String branch();

    <R> R accept(TargetVisitor<R> visitor);

    /** {@code head} or {@code label@head}: the single head (of the branch). */
    record Head(String text, String branch) implements Target {
        @Override
        public <R> R accept(TargetVisitor<R> visitor) {
            return visitor.head(this);
        }
    }

    /** {@code heads} or {@code label@heads}: every head (of the branch). */
    record Heads(String text, String branch) implements Target {
        @Override
        public <R> R accept(TargetVisitor<R> visitor) {
            return visitor.heads(this);
        }
    }

    /** {@code base} or {@code label@base}: nothing applied (on the branch). */
    record Base(String text, String branch) implements Target {
        @Override
        public <R> R accept(TargetVisitor<R> visitor) {
            return visitor.base(this);
        }
    }

    /** A full id, a unique id prefix or a branch label, optionally as {@code label@id}. */
    record Revision(String text, String branch, String idPrefixOrLabel) implements Target {
        @Override
        public <R> R accept(TargetVisitor<R> visitor) {
            return visitor.revision(this);
        }
    }

    /**
     * {@code +N}, {@code -N}, {@code rev+N}, {@code rev-N}, {@code label@+N}, {@code label@-N},
     * {@code label@rev-N}: {@code steps} revisions up (positive) or down (negative) from
     * {@code symbol}, or from the current revision when {@code symbol} is null.
     */
    record Relative(String text, String branch, String symbol, int steps) implements Target {
        @Override
        public <R> R accept(TargetVisitor<R> visitor) {
            return visitor.relative(this);
        }
    }
}
