package dev.migrate.graph;

/**
 * A range {@code from:to} as used by offline runs and history. An empty side stands for the
 * default: {@code base} for {@code from}, {@code heads} for {@code to}.
 */
public record TargetRange(String from, String to) {

    public TargetRange {
        from = from == null ? "" : from;
        to = to == null ? "" : to;
    }

    /** {@code from}, or {@code base} when it is empty. */
    public String fromOrBase() {
        return from.isEmpty() ? "base" : from;
    }

    /** {@code to}, or {@code heads} when it is empty. */
    public String toOrHeads() {
        return to.isEmpty() ? "heads" : to;
    }
}
