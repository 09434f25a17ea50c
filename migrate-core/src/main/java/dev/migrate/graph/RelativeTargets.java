package dev.migrate.graph;

/**
 * Alembic's {@code _parse_upgrade_target} and {@code _parse_downgrade_target}: what an upgrade
 * goes up to and what a downgrade goes down to, including the relative forms {@code +N},
 * {@code -N}, {@code rev+N}, {@code label@+N}, {@code label@-N}.
 */
final class RelativeTargets {

    /**
     * A downgrade's destination: a revision or {@link TargetResolver#BASE}, and the branch named, if
     * any; {@code warning} is the line to report when the target was ambiguous but Alembic proceeds
     * anyway, else null.
     */
    record Destination(String branch, int revision, String warning) {
        Destination(String branch, int revision) {
            this(branch, revision, null);
        }
    }

    private final GraphIndex graph;
    private final TargetResolver resolver;
    private final boolean strict;

    /**
     * @param strict true for upgrade and downgrade (walking past the end is an error), false for
     *               history ranges (the walk stops at the end, Alembic's {@code assert_relative_length})
     */
    RelativeTargets(GraphIndex graph, TargetResolver resolver, boolean strict) {
        this.graph = graph;
        this.resolver = resolver;
        this.strict = strict;
    }

    int[] upgradeTargets(int[] current, Target target) {
        if (!(target instanceof Target.Relative)) {
            return resolver.revisions(target);
        }
        Target.Relative rel = (Target.Relative) target;
        if (rel.steps() <= 0) {
            if (rel.symbol() == null) {
                throw new TargetException("Target '" + rel.text() + "' moves down, but upgrade only moves up. Use"
                        + " downgrade " + rel.text() + ", or upgrade +N.");
            }
            int start = resolver.symbol(rel.symbol(), rel.branch());
            return single(rel, resolver.walk(start, rel.steps(), null, strict, rel.text()), start);
        }
        if (rel.symbol() != null) {
            int start = resolver.symbol(rel.symbol(), null);
            return single(rel, resolver.walk(start, rel.steps(), rel.branch(), strict, rel.text()), start);
        }
        int[] starts = upgradeStarts(current, rel.branch());
        if (starts.length > 1) {
            throw new TargetException("Target '" + rel.text() + "' is ambiguous: the database is at several revisions ("
                    + resolver.ids(starts) + "). Say which branch to move: label@" + rel.text() + " or <revision>"
                    + rel.text() + ".");
        }
        return single(rel, resolver.walk(starts[0], rel.steps(), rel.branch(), strict, rel.text()), starts[0]);
    }

    /** Where {@code +N} starts: the current revision (on the branch), else the branch's tip below it, else base. */
    private int[] upgradeStarts(int[] current, String branch) {
        if (current.length == 0) {
            return new int[] {TargetResolver.BASE};
        }
        if (branch == null) {
            return current;
        }
        int[] onBranch = resolver.filterLineage(current, branch);
        if (onBranch.length > 0) {
            return onBranch;
        }
        // The branch is not a current head: start from its topmost applied revisions.
        boolean[] active = Reach.ancestors(graph, current, true);
        boolean[] lineage = resolver.lineage(resolver.resolveBranch(branch));
        boolean[] covered = new boolean[active.length];
        for (int i = 0; i < active.length; i++) {
            if (active[i] && lineage[i]) {
                for (int down : graph.downs[i]) {
                    covered[down] = true;
                }
            }
        }
        int[] tips = java.util.stream.IntStream.range(0, active.length)
                .filter(i -> active[i] && lineage[i] && !covered[i]).toArray();
        return tips.length == 0 ? new int[] {TargetResolver.BASE} : tips;
    }

    private int[] single(Target.Relative rel, int found, int start) {
        if (found == TargetResolver.TOO_FAR) {
            throw tooFar(rel, start);
        }
        return found == TargetResolver.BASE ? new int[0] : new int[] {found};
    }

    private TargetException tooFar(Target.Relative rel, int start) {
        String from = start == TargetResolver.BASE ? "base" : "'" + graph.id(start) + "'";
        String way = rel.steps() > 0 ? "above" : "below";
        return new TargetException("Target '" + rel.text() + "' goes " + Math.abs(rel.steps()) + " revision(s) "
                + way + " " + from + ", but the history ends before that. Use a smaller number"
                + (rel.steps() > 0 ? ", or heads." : ", or base."));
    }

    Destination downgradeTarget(int[] current, Target target) {
        if (!(target instanceof Target.Relative)) {
            return absolute(target);
        }
        Target.Relative rel = (Target.Relative) target;
        if (rel.steps() >= 0) {
            if (rel.symbol() == null) {
                throw new TargetException("Target '" + rel.text() + "' moves up, but downgrade only moves down. Use"
                        + " upgrade " + rel.text() + ", or downgrade -N.");
            }
            int start = resolver.symbol(rel.symbol(), null);
            int found = resolver.walk(start, rel.steps(), rel.branch(), strict, rel.text());
            if (found == TargetResolver.TOO_FAR) {
                throw tooFar(rel, start);
            }
            return new Destination(rel.branch(), found);
        }
        String branch = rel.branch();
        int start;
        String warning = null;
        if (rel.symbol() != null) {
            start = resolver.symbol(rel.symbol(), branch);
        } else {
            start = currentOnBranch(current, rel);
            if (branch == null && current.length > 1) {
                warning = severalHeads(current, start, rel);
            }
            branch = branch == null ? graph.id(start) : branch;
        }
        int found = resolver.walk(start, rel.steps(), null, strict, rel.text());
        if (found == TargetResolver.TOO_FAR) {
            throw tooFar(rel, start);
        }
        return new Destination(branch, found, warning);
    }

    /**
     * Alembic's warning for {@code downgrade -N} when the version table has several rows ("downgrade
     * -1 from multiple heads is ambiguous; this usage will be disallowed in a future release"): it
     * proceeds from the first row, and so does migrate, saying which row that is and how to choose.
     */
    private String severalHeads(int[] current, int start, Target.Relative rel) {
        String choices = java.util.Arrays.stream(current).mapToObj(c -> graph.id(c) + "@" + rel.text())
                .collect(java.util.stream.Collectors.joining(" or "));
        return "Downgrade " + rel.text() + " from several heads (" + resolver.ids(current) + ") is ambiguous: it counts"
                + " down from " + graph.id(start) + ", the first row of the version table. Name the branch to be sure: "
                + choices + " (Alembic warns the same and will refuse this in a future release).";
    }

    private Destination absolute(Target target) {
        return target.accept(new TargetVisitor<Destination>() {
            @Override
            public Destination head(Target.Head t) {
                // As Alembic's _parse_downgrade_target: in a downgrade, "head" is the graph's one head
                // even after a label (the label only narrows the branches walked), so with several
                // heads label@head is ambiguous here although it is not in an upgrade.
                int[] heads = resolver.heads();
                if (t.branch() != null && heads.length > 1) {
                    throw new TargetException("Target '" + t.text() + "' is ambiguous in a downgrade: there 'head'"
                            + " means the one head of the whole history, and there are " + heads.length
                            + " heads (" + resolver.ids(heads) + "). Downgrade to a revision id, to '"
                            + t.branch() + "@-N', or to '" + t.branch() + "@base'.");
                }
                return new Destination(t.branch(), resolver.currentHead(null, t.text()));
            }

            @Override
            public Destination heads(Target.Heads t) {
                // Alembic resolves the symbol of a downgrade target without its label, so
                // label@heads names what heads does.
                int[] heads = resolver.revisions(new Target.Heads(t.text(), null));
                if (heads.length > 1) {
                    throw new TargetException("Target '" + t.text() + "' names " + heads.length + " revisions ("
                            + resolver.ids(heads) + "), but a downgrade goes down to one. Give a revision id,"
                            + " label@-N or base.");
                }
                return new Destination(t.branch(), heads.length == 0 ? TargetResolver.BASE : heads[0]);
            }

            @Override
            public Destination base(Target.Base t) {
                return new Destination(t.branch(), TargetResolver.BASE);
            }

            @Override
            public Destination revision(Target.Revision t) {
                // As in Alembic: the revision is found without the label, which only narrows the
                // branches the downgrade walks, so it need not be on that branch.
                return new Destination(t.branch(), resolver.forIdent(t.idPrefixOrLabel(), null));
            }

            @Override
            public Destination relative(Target.Relative t) {
                throw new IllegalStateException("relative targets are handled before");
            }
        });
    }

    /** The one current revision {@code -N} or {@code label@-N} counts from. */
    private int currentOnBranch(int[] current, Target.Relative rel) {
        if (current.length == 0) {
            throw new TargetException("Target '" + rel.text() + "' counts down from the current revision, but"
                    + " nothing is applied yet.");
        }
        int[] candidates = current;
        if (rel.branch() != null) {
            candidates = resolver.filterLineage(current, rel.branch());
            if (candidates.length == 0) {
                candidates = resolver.filterLineage(Reach.appliedTops(graph, current), rel.branch());
            }
        }
        if (rel.branch() == null && candidates.length > 1) {
            // Alembic: "downgrade -1 from multiple heads is ambiguous" is only a warning; it counts
            // from the first row, which its own tests rely on.
            return candidates[0];
        }
        if (candidates.length != 1) {
            throw new TargetException("Target '" + rel.text() + "' is ambiguous: the database is at "
                    + (candidates.length == 0 ? "no revision of that branch" : "several revisions ("
                    + resolver.ids(candidates) + ")") + ". Use label@" + rel.text().substring(rel.text().indexOf('@') + 1)
                    + " with a branch label, or <revision>" + rel.text().substring(rel.text().indexOf('@') + 1) + ".");
        }
        return candidates[0];
    }
}
