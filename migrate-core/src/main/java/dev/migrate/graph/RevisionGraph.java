package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The immutable graph of all revisions, with Alembic's {@code RevisionMap} semantics: heads,
 * bases, branch points, branch labels, depends_on, target resolution and ordered plans.
 * Pure Java; no JDBC. Adjacency and topological order are computed once; plans cost linear time
 * in the revisions involved (plus n·log n for the order of branch walks).
 *
 * <p>The order of the input collection plays the part of the order of Alembic's revision map: it
 * decides which of several independent branches is walked first. {@code RevisionIndexLoader}
 * sorts by id, so that order is stable.
 */
public final class RevisionGraph {

    private final GraphIndex graph;
    private final Map<Integer, Set<String>> labels;
    private final int[] heads;
    private final int[] realHeads;
    private final int[] bases;
    private final TargetResolver resolver;
    private final Planner planner;
    private final List<RevisionDescriptor> topological;

    private RevisionGraph(List<RevisionDescriptor> revisions) {
        graph = new GraphIndex(revisions);
        labels = BranchLabels.compute(graph);
        heads = IntStream.range(0, graph.size()).filter(i -> graph.children[i].length == 0).toArray();
        realHeads = IntStream.range(0, graph.size()).filter(i -> graph.allChildCount[i] == 0).toArray();
        bases = IntStream.range(0, graph.size()).filter(i -> graph.parents[i].length == 0).toArray();
        resolver = new TargetResolver(graph, labels, heads, realHeads, bases);
        planner = new Planner(graph, resolver, bases);
        topological = Arrays.stream(graph.topologicalOrder).mapToObj(i -> graph.revisions[i]).toList();
    }

    /** Every problem with these revisions; empty when {@link #of} would succeed. */
    public static List<GraphProblem> check(Collection<RevisionDescriptor> revisions) {
        List<GraphProblem> problems = GraphChecker.check(revisions);
        if (problems.isEmpty()) {
            problems = crossDatabaseReferences(revisions);
        }
        return problems;
    }

    /**
     * The revisions of one database: those naming it, and those naming none when it is the default
     * database (the first configured).
     */
    public static List<RevisionDescriptor> ofDatabase(Collection<RevisionDescriptor> revisions, String database,
            boolean isDefault) {
        return revisions.stream().filter(r -> r.belongsTo(database, isDefault)).toList();
    }

    /** The databases revisions name, sorted; the default database ("") when any names none. */
    public static java.util.SortedSet<String> databases(Collection<RevisionDescriptor> revisions) {
        return revisions.stream().map(RevisionDescriptor::database)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    // Run after GraphChecker found every reference known: what is left is a reference into another history.
    private static List<GraphProblem> crossDatabaseReferences(Collection<RevisionDescriptor> revisions) {
        java.util.Map<String, RevisionDescriptor> byId = new java.util.HashMap<>();
        java.util.Map<String, RevisionDescriptor> byLabel = new java.util.HashMap<>();
        for (RevisionDescriptor revision : revisions) {
            byId.put(revision.id(), revision);
            revision.branchLabels().forEach(label -> byLabel.put(label, revision));
        }
        List<GraphProblem> problems = new java.util.ArrayList<>();
        for (RevisionDescriptor revision : revisions) {
            for (String parent : revision.revises()) {
                RevisionDescriptor target = byId.get(parent);
                if (target != null && !target.database().equals(revision.database())) {
                    problems.add(new GraphProblem.CrossDatabaseReference(revision, GraphProblem.Attribute.REVISES, parent,
                            target));
                }
            }
            for (String dependency : revision.dependsOn()) {
                RevisionDescriptor target = byId.containsKey(dependency) ? byId.get(dependency) : byLabel.get(dependency);
                if (target != null && !target.database().equals(revision.database())) {
                    problems.add(new GraphProblem.CrossDatabaseReference(revision, GraphProblem.Attribute.DEPENDS_ON,
                            dependency, target));
                }
            }
        }
        return List.copyOf(problems);
    }

    /** Builds the graph, or throws one {@link RevisionGraphException} listing every problem. */
    public static RevisionGraph of(Collection<RevisionDescriptor> revisions) {
        List<GraphProblem> problems = check(revisions);
        if (!problems.isEmpty()) {
            throw new RevisionGraphException(problems);
        }
        return new RevisionGraph(List.copyOf(revisions));
    }

    /** All revisions, parents before children (dependencies before dependents), deterministic. */
    public List<RevisionDescriptor> revisions() {
        return topological;
    }

    /** The revision with exactly this id. */
    public Optional<RevisionDescriptor> find(String id) {
        Integer position = graph.byId.get(id);
        return position == null ? Optional.empty() : Optional.of(graph.revisions[position]);
    }

    /**
     * Resolves a full id, a unique id prefix or a branch label to one revision, or throws
     * {@link TargetException}. Also accepts {@code head}, {@code label@head}, {@code label@id}
     * and {@code rev-N}/{@code rev+N}, which name one revision without looking at a database.
     */
    public RevisionDescriptor revision(String idPrefixOrLabel) {
        Target target = TargetParser.parse(idPrefixOrLabel);
        int position;
        if (target instanceof Target.Relative && ((Target.Relative) target).symbol() != null) {
            Target.Relative rel = (Target.Relative) target;
            position = resolver.walk(resolver.symbol(rel.symbol(), rel.steps() < 0 ? rel.branch() : null),
                    rel.steps(), rel.steps() > 0 ? rel.branch() : null, true, rel.text());
        } else if (target instanceof Target.Relative rel && rel.steps() >= 0) {
            // +N counts from a database's current revision, which the callers here never read.
            throw new TargetException("'" + idPrefixOrLabel + "' counts up from the database's current revision;"
                    + " here it must name one revision. Give a revision id, a unique prefix, a branch label, head,"
                    + " or a count from a named revision such as <id>+1 or head-1.");
        } else {
            position = resolver.revision(target);
        }
        if (position < 0) {
            throw new TargetException("'" + idPrefixOrLabel + "' names no revision (it is base, before the first"
                    + " revision, or beyond the ends of the history). Give a revision id, prefix or branch label.");
        }
        return graph.revisions[position];
    }

    /**
     * Alembic's {@code get_revisions}: the ids a target names without a database ({@code heads}
     * gives several, {@code base} none). Offline runs use it for the start of a range.
     */
    public List<String> resolve(String target) {
        return Arrays.stream(resolver.revisions(TargetParser.parse(target)))
                .mapToObj(p -> {
                    if (p < 0) {
                        throw new TargetException("Target '" + target + "' goes below base; use a smaller number.");
                    }
                    return graph.id(p);
                })
                .toList();
    }

    /** Ids of revisions nothing revises (sorted). */
    public Set<String> heads() {
        return ids(heads);
    }

    /**
     * Ids of heads another revision depends on (sorted): nothing revises them, but a {@code dependsOn}
     * leads past them, so they end no line of their own. Alembic marks them "(effective head)".
     */
    public Set<String> effectiveHeads() {
        Set<String> result = new TreeSet<>(ids(heads));
        result.removeAll(ids(realHeads));
        return Collections.unmodifiableSet(result);
    }

    /** Ids of revisions that revise nothing (sorted). */
    public Set<String> bases() {
        return ids(bases);
    }

    /** Ids of revisions with two or more children (sorted). */
    public Set<String> branchPoints() {
        return ids(IntStream.range(0, graph.size()).filter(i -> graph.children[i].length > 1).toArray());
    }

    /** Ids of revisions that revise two or more others (sorted). */
    public Set<String> mergePoints() {
        return ids(IntStream.range(0, graph.size()).filter(i -> graph.parents[i].length > 1).toArray());
    }

    /** Ids of the revisions that revise this one directly. */
    public Set<String> children(String id) {
        return ids(graph.children[position(id)]);
    }

    /** Ids of every revision below this one, through revises and dependsOn (sorted, without itself). */
    public Set<String> ancestors(String id) {
        int position = position(id);
        return without(Reach.ancestors(graph, new int[] {position}, true), position);
    }

    /** Ids of every revision above this one, through revises and dependsOn (sorted, without itself). */
    public Set<String> descendants(String id) {
        int position = position(id);
        return without(Reach.descendants(graph, new int[] {position}, true), position);
    }

    /** The branch labels a revision carries, declared by itself or inherited along its branch (sorted). */
    public Set<String> branchLabels(String id) {
        return Collections.unmodifiableSet(new TreeSet<>(resolver.labelsOf(position(id))));
    }

    /** Every declared branch label with the id of the revision declaring it (sorted by label). */
    public Map<String, String> branchLabels() {
        Map<String, String> result = new TreeMap<>();
        graph.labelOwner.forEach((label, position) -> result.put(label, graph.id(position)));
        return Collections.unmodifiableMap(result);
    }

    /**
     * The heads of each branch label (the heads on the labelled revision's line), for the
     * {@code check} goal: a label with more than one head needs a merge.
     */
    public Map<String, Set<String>> headsPerBranch() {
        Map<String, Set<String>> result = new TreeMap<>();
        for (String label : graph.labelOwner.keySet()) {
            result.put(label, ids(resolver.filterLineage(heads, label)));
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * What Alembic's {@code current} lists: the topmost applied revision of every line, in
     * topological order. Besides the version table's rows this includes revisions that stay applied
     * only because a row depends on them (a row {@code b2} with {@code dependsOn = "a2"} also
     * shows {@code a2}).
     */
    public List<String> currentRevisions(Collection<String> currentHeads) {
        boolean[] top = new boolean[graph.size()];
        for (int p : Reach.appliedTops(graph, positions(List.copyOf(currentHeads)))) {
            top[p] = true;
        }
        return Arrays.stream(graph.topologicalOrder).filter(p -> top[p]).mapToObj(graph::id).toList();
    }

    /**
     * Version-table rows that another row already implies, each with a row above it (through revises
     * only: a row below another only through dependsOn is a state Alembic writes itself and stays).
     * Alembic never writes such a table; a hand edit can, or its downgrade in one dependsOn case.
     * Rows the graph does not know are left out.
     */
    public Map<String, String> redundantRows(Collection<String> rows) {
        Map<String, String> redundant = new TreeMap<>();
        List<String> known = rows.stream().filter(row -> find(row).isPresent()).map(row -> find(row).get().id()).toList();
        for (String row : known) {
            boolean[] below = Reach.ancestors(graph, new int[] {position(row)}, false);
            for (String other : known) {
                int candidate = position(other);
                if (!other.equals(row) && below[candidate]) {
                    redundant.putIfAbsent(other, row);
                }
            }
        }
        return Collections.unmodifiableMap(redundant);
    }

    /** The plan of Alembic's {@code upgrade <target>} from the version table's rows {@code currentHeads}. */
    public Plan upgradePlan(Collection<String> currentHeads, String target) {
        List<String> rows = List.copyOf(currentHeads);
        return planner.upgrade(rows, positions(rows), target);
    }

    /** The plan of Alembic's {@code downgrade <target>} from the version table's rows {@code currentHeads}. */
    public Plan downgradePlan(Collection<String> currentHeads, String target) {
        List<String> rows = List.copyOf(currentHeads);
        return planner.downgrade(rows, positions(rows), target);
    }

    /**
     * Alembic's {@code stamp}: the version-table change that makes the table say {@code targets}
     * without running anything. With {@code purge} the table is emptied first.
     */
    public VersionChange stamp(Collection<String> currentHeads, List<String> targets, boolean purge) {
        List<String> rows = List.copyOf(currentHeads);
        int[] current = purge ? new int[0] : positions(rows);
        return new Stamper(graph, resolver).stamp(rows, current, targets, purge);
    }

    /**
     * The revisions of a history range such as {@code base:head}, {@code -3:current} or
     * {@code ae10:}, newest first, as Alembic's {@code history -r} lists them.
     */
    public List<RevisionDescriptor> history(String range, Collection<String> currentHeads) {
        int[] current = positions(List.copyOf(currentHeads));
        int[] order = new HistoryQuery(graph, resolver, realHeads).newestFirst(range, current);
        return Arrays.stream(order).mapToObj(i -> graph.revisions[i]).toList();
    }

    private int position(String id) {
        Integer position = graph.byId.get(id);
        if (position == null) {
            throw resolver.unknown(id);
        }
        return position;
    }

    /** The version table's rows as positions; a row naming no known revision is an error. */
    private int[] positions(List<String> rows) {
        requireKnown(rows);
        Set<Integer> result = new LinkedHashSet<>();
        for (String row : rows) {
            result.add(graph.byId.get(row));
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rows among {@code rows} that name no revision of this graph, in their order. */
    public List<String> unknown(Collection<String> rows) {
        return rows.stream().filter(row -> !graph.byId.containsKey(row)).toList();
    }

    /**
     * Throws what upgrade, downgrade and stamp say when a version-table row names a revision the code
     * does not know (Alembic: "Can't locate revision identified by ..."), so {@code current} can say
     * the same after listing what it knows.
     */
    public void requireKnown(Collection<String> rows) {
        List<String> missing = unknown(rows);
        if (!missing.isEmpty()) {
            String row = missing.get(0);
            throw new TargetException("The version table contains '" + row + "', which is not a known revision."
                    + ClosestIds.didYouMean(row, graph.byId.keySet()) + " The database was upgraded by newer code"
                    + " or the revision was deleted: build the project that contains it, or rewrite the table with"
                    + " stamp (migrate.purge=true) if that revision was deleted.");
        }
    }

    private Set<String> ids(int[] positions) {
        Set<String> result = new TreeSet<>();
        for (int p : positions) {
            result.add(graph.id(p));
        }
        return Collections.unmodifiableSet(result);
    }

    private Set<String> without(boolean[] members, int self) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            if (members[i] && i != self) {
                found.add(i);
            }
        }
        return ids(found.stream().mapToInt(Integer::intValue).toArray());
    }
}
