package dev.migrate.graph;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The immutable graph of all revisions, with Alembic's {@code RevisionMap} semantics: heads,
 * bases, branch points, branch labels, depends_on, target resolution and ordered plans.
 * Pure Java; no JDBC.
 *
 * <p>CONTRACT STUB: the signatures below are fixed for the other packages; the graph work
 * (issue 3) implements them.
 */
public final class RevisionGraph {

    private RevisionGraph() {
    }

    /** Every problem with these revisions; empty when {@link #of} would succeed. */
    public static List<GraphProblem> check(Collection<RevisionDescriptor> revisions) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Builds the graph, or throws one {@link RevisionGraphException} listing every problem. */
    public static RevisionGraph of(Collection<RevisionDescriptor> revisions) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** All revisions, parents before children (dependencies before dependents), deterministic. */
    public List<RevisionDescriptor> revisions() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The revision with exactly this id. */
    public Optional<RevisionDescriptor> find(String id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Resolves a full id, a unique id prefix or a branch label to one revision, or throws {@link TargetException}. */
    public RevisionDescriptor revision(String idPrefixOrLabel) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Ids of revisions nothing revises (sorted). */
    public Set<String> heads() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Ids of revisions that revise nothing (sorted). */
    public Set<String> bases() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Ids of revisions with two or more children (sorted). */
    public Set<String> branchPoints() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Ids of the revisions that revise this one directly. */
    public Set<String> children(String id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The plan of Alembic's {@code upgrade <target>} from the version table's rows {@code currentHeads}. */
    public Plan upgradePlan(Collection<String> currentHeads, String target) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The plan of Alembic's {@code downgrade <target>} from the version table's rows {@code currentHeads}. */
    public Plan downgradePlan(Collection<String> currentHeads, String target) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Alembic's {@code stamp}: the version-table change that makes the table say {@code targets}
     * without running anything. With {@code purge} the table is emptied first.
     */
    public VersionChange stamp(Collection<String> currentHeads, List<String> targets, boolean purge) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * The revisions of a history range such as {@code base:head}, {@code -3:current} or
     * {@code ae10:}, newest first, as Alembic's {@code history -r} lists them.
     */
    public List<RevisionDescriptor> history(String range, Collection<String> currentHeads) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
