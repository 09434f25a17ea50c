/**
 * The revision graph: Alembic's {@code RevisionMap} in pure Java (no JDBC).
 *
 * <p>{@link dev.migrate.graph.RevisionGraph#check} lists every problem of a set of
 * {@link dev.migrate.graph.RevisionDescriptor}s (the annotation processor reports them on the
 * annotation values); {@link dev.migrate.graph.RevisionGraph#of} builds the immutable graph, which
 * resolves targets ({@link dev.migrate.graph.TargetParser}) and plans upgrades, downgrades, stamps
 * and history ranges with Alembic's ordering and version-table rules.
 *
 * <p>Where this package knowingly differs from Alembic:
 * <ul>
 * <li>branch labels must follow the revision id rule ({@link dev.migrate.graph.RevisionIds}) and
 *     differ from every id, so {@code label@head} and {@code label-1} can always be parsed;</li>
 * <li>a relative target must match the whole text ({@code ae10+2x} is an unknown id, not
 *     {@code ae10+2});</li>
 * <li>in a history range {@code -N:current} counts down from the current revision (Alembic
 *     counts from the script heads whenever it can);</li>
 * <li>{@code downgrade label@head} and {@code downgrade label@heads} use that branch's head
 *     (Alembic looks up {@code head}, {@code heads} without the branch, so with several heads
 *     it reports multiple heads; here the downgrade is a no-op when the branch is at its head);</li>
 * <li>a merge whose parents include an ancestor of another parent (a redundant parent) is
 *     replayed as if the ancestor were not listed, where Alembic fails on a missing row;</li>
 * <li>a relative target that lands exactly on base ({@code upgrade a-1}, {@code stamp -N} down
 *     to the bottom) means base, where Alembic fails an internal assertion;</li>
 * <li>stamping several targets whose rows an earlier target already replaced (rows
 *     {@code d1, d2}, targets {@code c1, c2}) gives each line its target, where Alembic fails
 *     deleting a row twice;</li>
 * <li>a prefix matching both the id and a branch label of one revision names that revision
 *     (Alembic counts the two map keys and reports the prefix as ambiguous);</li>
 * <li>{@code upgrade} also takes a comma-separated list of absolute targets, as Alembic's API
 *     takes a tuple ({@code d1,d2}); {@code stamp} takes such a list as Alembic's command does.</li>
 * </ul>
 * Alembic's own quirks are kept otherwise, including {@code downgrade -1} from several rows
 * counting from the first row, {@code label@base} taking down everything when the branch shares
 * the only base, relative stamp targets being an error while the version table has rows, and
 * prefixes matching only ids and branch labels longer than three characters.
 */
package dev.migrate.graph;
