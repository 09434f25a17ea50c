package dev.migrate.graph;

/** Which way a plan step moves. */
public enum Direction {
    UP,
    DOWN
}
