package dev.migrate.graph;

/** One revision to run in one direction, with the version-table change that goes with it. */
public record PlanStep(RevisionDescriptor revision, Direction direction, VersionChange versionChange) {
}
