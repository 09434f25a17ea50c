package dev.migrate.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves targets to revision positions with the rules of Alembic's {@code RevisionMap}
 * ({@code get_revisions}, {@code get_revision}, {@code _revision_for_ident}, {@code _walk},
 * {@code filter_for_lineage}). {@link #BASE} stands for "nothing applied", {@link #TOO_FAR} for a
 * walk that ran past the end of the history.
 */
final class TargetResolver {

    static final int BASE = -1;
    static final int TOO_FAR = -2;

    private final GraphIndex graph;
    private final Map<Integer, Set<String>> labels;
    private final int[] heads;
    private final int[] realHeads;
    private final int[] bases;

    TargetResolver(GraphIndex graph, Map<Integer, Set<String>> labels, int[] heads, int[] realHeads, int[] bases) {
        this.graph = graph;
        this.labels = labels;
        this.heads = heads;
        this.realHeads = realHeads;
        this.bases = bases;
    }

    /** The heads of the history (Alembic's {@code heads}: revisions no other one revises). */
    int[] heads() {
        return heads.clone();
    }

    /** Alembic's {@code get_revisions}: several revisions for heads, none for base. */
    int[] revisions(Target target) {
        return target.accept(new TargetVisitor<int[]>() {
            @Override
            public int[] head(Target.Head t) {
                int head = currentHead(t.branch(), t.text());
                return head == BASE ? new int[0] : new int[] {head};
            }

            @Override
            public int[] heads(Target.Heads t) {
                return t.branch() == null ? realHeads.clone() : filterLineage(heads, t.branch());
            }

            @Override
            public int[] base(Target.Base t) {
                return new int[0];
            }

            @Override
            public int[] revision(Target.Revision t) {
                return new int[] {forIdent(t.idPrefixOrLabel(), t.branch())};
            }

            @Override
            public int[] relative(Target.Relative t) {
                return relativeToHeads(t);
            }
        });
    }

    /** Alembic's {@code get_revision}: one revision, or {@link #BASE}; several heads are an error. */
    int revision(Target target) {
        int[] found = revisions(target);
        if (found.length > 1) {
            throw multipleHeads(target.text(), found, null);
        }
        return found.length == 0 ? BASE : found[0];
    }

    /** The revision a bare symbol (head, base, an id) names, as {@code get_revision(symbol)}. */
    int symbol(String symbol, String branch) {
        if (branch != null && !"head".equals(symbol) && !"heads".equals(symbol) && !"base".equals(symbol)) {
            return forIdent(symbol, branch);
        }
        return revision(TargetParser.parse(branch == null ? symbol : branch + "@" + symbol));
    }

    /** {@code label@-N} (and {@code -N}) in get_revisions: N below every real head on the branch. */
    private int[] relativeToHeads(Target.Relative t) {
        if (t.symbol() != null || t.steps() >= 0) {
            throw new TargetException("Target '" + t.text() + "' is relative to another revision; it is accepted"
                    + " only by upgrade and downgrade. Give a revision id, head, heads or base here.");
        }
        List<Integer> found = new ArrayList<>();
        for (int head : realHeads) {
            if (t.branch() == null || labelsOf(head).contains(t.branch())) {
                int below = walk(head, t.steps(), null, true, t.text());
                // Exactly down to base names no revision, like the target base.
                if (below != BASE) {
                    found.add(below);
                }
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    Set<String> labelsOf(int position) {
        return labels.getOrDefault(position, Set.of());
    }

    /** Alembic's {@code get_current_head(branch)}: the one head (of the branch), or BASE when there is none. */
    int currentHead(String branch, String text) {
        int[] candidates = branch == null ? heads : filterLineage(heads, branch);
        if (candidates.length > 1) {
            throw multipleHeads(text, candidates, branch);
        }
        return candidates.length == 0 ? BASE : candidates[0];
    }

    TargetException multipleHeads(String text, int[] candidates, String branch) {
        String list = ids(candidates);
        if (branch != null) {
            return new TargetException("Target '" + text + "' is ambiguous: branch '" + branch + "' has "
                    + candidates.length + " heads (" + list + "). Give one of them by id, use '" + branch
                    + "@heads' for all of them, or run 'mvn migrate:merge' to join them.");
        }
        return new TargetException("Target '" + text + "' is ambiguous: there are " + candidates.length + " heads ("
                + list + "). Use 'heads' for all of them, 'label@head' for one branch, a revision id, or run"
                + " 'mvn migrate:merge' to join them into one head.");
    }

    String ids(int[] positions) {
        return Arrays.stream(positions).mapToObj(graph::id).sorted().collect(Collectors.joining(", "));
    }

    /** Alembic's {@code _revision_for_ident}: exact id or label, else a unique prefix, checked against the branch. */
    int forIdent(String ident, String branch) {
        int branchRevision = branch == null ? BASE : resolveBranch(branch);
        Integer exact = graph.byId.get(ident);
        if (exact == null) {
            exact = graph.labelOwner.get(ident);
        }
        int found = exact != null ? exact : byPrefix(ident, branch, branchRevision);
        if (branch != null && !sharesLineage(found, branchRevision)) {
            throw new TargetException("Revision '" + graph.id(found) + "' is not on branch '" + branch
                    + "': it is neither an ancestor nor a descendant of '" + graph.id(branchRevision)
                    + "'. Drop the '" + branch + "@' or name a revision of that branch.");
        }
        return found;
    }

    /**
     * Alembic matches a partial identifier against every key of its revision map longer than three
     * characters: ids, and branch labels too. A revision matched by its id and by a label counts once.
     */
    private int byPrefix(String prefix, String branch, int branchRevision) {
        java.util.Map<Integer, String> matches = new java.util.LinkedHashMap<>();
        String[] sorted = graph.sortedIds();
        int from = Arrays.binarySearch(sorted, prefix);
        for (int i = from < 0 ? -from - 1 : from; i < sorted.length && sorted[i].startsWith(prefix); i++) {
            if (sorted[i].length() > 3) {
                matches.put(graph.byId.get(sorted[i]), sorted[i]);
            }
        }
        boolean byLabel = false;
        for (Map.Entry<String, Integer> label : graph.labelOwner.entrySet()) {
            if (label.getKey().length() > 3 && label.getKey().startsWith(prefix)
                    && matches.putIfAbsent(label.getValue(), label.getKey()) == null) {
                byLabel = true;
            }
        }
        if (branch != null) {
            boolean[] lineage = lineage(branchRevision);
            matches.keySet().removeIf(m -> !lineage[m]);
        }
        if (matches.isEmpty()) {
            throw unknown(prefix);
        }
        if (matches.size() > 1) {
            throw new TargetException("Revision prefix '" + prefix + "' is ambiguous: it starts " + matches.size()
                    + (byLabel ? " revision ids or branch labels (" + String.join(", ", new java.util.TreeSet<>(
                            matches.values())) : " revision ids (" + ids(matches.keySet().stream()
                            .mapToInt(Integer::intValue).toArray())) + "). Give more characters of the id.");
        }
        return matches.keySet().iterator().next();
    }

    TargetException unknown(String ident) {
        List<String> names = new ArrayList<>(graph.byId.keySet());
        names.addAll(graph.labelOwner.keySet());
        // Only worth saying when a short id starts with it: "zzz" is unknown, not "too short".
        boolean shortIdStartsWithIt = graph.byId.keySet().stream()
                .anyMatch(id -> id.length() <= 3 && id.startsWith(ident) && !id.equals(ident));
        String hint = shortIdStartsWithIt
                ? " A partial id matches only ids longer than three characters; give the whole id." : "";
        for (String keyword : List.of("head", "heads", "base")) {
            if (keyword.equalsIgnoreCase(ident) && !names.contains(ident)) {
                return new TargetException("Unknown revision or branch label '" + ident + "'. Targets are case-sensitive:"
                        + " write '" + keyword + "'.");
            }
        }
        return new TargetException("Unknown revision or branch label '" + ident + "'." + ClosestIds.didYouMean(ident, names)
                + hint + " Run 'mvn migrate:history' to list the revisions.");
    }

    /** Alembic's {@code _resolve_branch}: a label, else an id or prefix standing for its branch. */
    int resolveBranch(String branch) {
        Integer owner = graph.labelOwner.get(branch);
        if (owner == null) {
            owner = graph.byId.get(branch);
        }
        if (owner != null) {
            return owner;
        }
        try {
            return byPrefix(branch, null, BASE);
        } catch (TargetException e) {
            throw new TargetException("Unknown branch '" + branch + "': no branch label or revision has that name."
                    + ClosestIds.didYouMean(branch, graph.labelOwner.keySet())
                    + " Run 'mvn migrate:branches' to list the branches.");
        }
    }

    /** Revisions sharing a line with {@code position}: its ancestors and descendants through revises. */
    boolean[] lineage(int position) {
        boolean[] up = Reach.descendants(graph, new int[] {position}, false);
        boolean[] down = Reach.ancestors(graph, new int[] {position}, false);
        for (int i = 0; i < up.length; i++) {
            up[i] |= down[i];
        }
        return up;
    }

    boolean sharesLineage(int position, int other) {
        return lineage(other)[position];
    }

    /** Alembic's {@code filter_for_lineage(targets, branch)}. */
    int[] filterLineage(int[] positions, String branch) {
        boolean[] lineage = lineage(resolveBranch(branch));
        return Arrays.stream(positions).filter(p -> lineage[p]).toArray();
    }

    /**
     * Alembic's {@code _walk}: {@code steps} up (positive, optionally only into {@code branch}) or
     * down (negative) from {@code start}. Past the end it returns {@link #TOO_FAR} when
     * {@code noOverwalk}, else where it stopped.
     */
    int walk(int start, int steps, String branch, boolean noOverwalk, String text) {
        boolean[] lineage = branch == null || steps < 0 ? null : lineage(resolveBranch(branch));
        int current = start;
        for (int i = 0; i < Math.abs(steps); i++) {
            int[] next = steps > 0 ? up(current, lineage) : down(current);
            if (next.length == 0) {
                return noOverwalk ? TOO_FAR : current;
            }
            if (next.length > 1) {
                String from = current == BASE ? "base" : "revision '" + graph.id(current) + "'";
                throw new TargetException("Target '" + text + "' is ambiguous: " + from + " has several "
                        + (steps > 0 ? "children" : "parents") + " (" + ids(next) + "). Name the branch (label@"
                        + (steps > 0 ? "+" : "-") + Math.abs(steps) + ") or give a revision id.");
            }
            current = next[0];
        }
        return current;
    }

    private int[] up(int current, boolean[] lineage) {
        int[] next = current == BASE ? bases : graph.children[current];
        return lineage == null ? next : Arrays.stream(next).filter(p -> lineage[p]).toArray();
    }

    private int[] down(int current) {
        if (current == BASE) {
            return new int[0];
        }
        int[] parents = graph.parents[current];
        return parents.length == 0 ? new int[] {BASE} : parents;
    }
}
