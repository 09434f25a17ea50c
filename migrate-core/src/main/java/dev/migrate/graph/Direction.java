package dev.migrate.graph;

/** Which way a plan step moves; {@link #STAMP} only in the history table, never in a plan. */
public enum Direction {
    UP,
    DOWN,
    /** A {@code stamp} rewrote the version table without running anything (history rows only). */
    STAMP
}
