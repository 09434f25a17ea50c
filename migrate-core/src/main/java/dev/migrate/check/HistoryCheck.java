package dev.migrate.check;

import dev.migrate.ChangedRevision;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.graph.PlanStep;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rules of {@code migrate:check}, in the order the goal reports them: one head; the database
 * neither at a revision the code does not know nor behind it; no applied revision edited since;
 * the entities matching the database at head; then the lint.
 */
public final class HistoryCheck {

    private HistoryCheck() {
    }

    /**
     * What the rules read: the code's graph, and (online) the database's version table, its
     * revisions edited since they ran, and the lint of a scope. {@code Migrator} supplies them.
     */
    public record Inputs(RevisionGraph graph, Supplier<List<String>> current,
            Supplier<List<ChangedRevision>> changedRevisions, Function<LintOptions, List<LintFinding>> lint) {
    }

    /** Runs the rules {@code options} asks for against the code and (online) the database. */
    public static CheckResult run(Inputs migrator, CheckOptions options) {
        RevisionGraph graph = migrator.graph();
        List<CheckFinding> findings = new ArrayList<>(graphFindings(graph));
        boolean unknown = false;
        if (options.database()) {
            List<String> current = migrator.current().get();
            Optional<CheckFinding> position = position(graph, current);
            position.ifPresent(findings::add);
            unknown = position.filter(CheckFinding.UnknownRevision.class::isInstance).isPresent();
            migrator.changedRevisions().get().forEach(changed -> findings.add(new CheckFinding.ChangedChecksum(changed)));
            if (findings.isEmpty() && options.model() != null) { // a database behind the code differs from the entities by design
                Optional<AutogenerateResult> drift = options.model().get();
                if (drift.isPresent() && !drift.get().isEmpty()) {
                    findings.add(new CheckFinding.ModelDrift(
                            drift.get().changes().stream().map(dev.migrate.autogenerate.Change::describe).toList()));
                }
            }
        }
        String lintSkipped = null;
        if (options.lint() != null) {
            if (options.database() && unknown && options.lint() == LintOptions.Scope.PENDING) {
                lintSkipped = "Lint skipped: the database is at a revision the code does not know, so the pending"
                        + " revisions are unknown; lint them all with -Dmigrate.lint=all.";
            } else {
                LintOptions lint = options.database() ? new LintOptions(options.lint()) : LintOptions.all();
                migrator.lint().apply(lint).forEach(finding -> findings.add(new CheckFinding.Lint(finding)));
            }
        }
        return new CheckResult(options.database(), findings, lintSkipped);
    }

    /** {@code MULTIPLE_HEADS} when the code has more than one head. */
    public static List<CheckFinding> graphFindings(RevisionGraph graph) {
        if (graph.heads().size() <= 1) {
            return List.of();
        }
        return List.of(new CheckFinding.MultipleHeads(List.copyOf(graph.heads())));
    }

    /**
     * Where a database at {@code current} stands against the code: {@code UNKNOWN_REVISION} when it names
     * revisions the code does not have, else {@code PENDING} when an upgrade to heads would run
     * something, else nothing.
     */
    public static Optional<CheckFinding> position(RevisionGraph graph, List<String> current) {
        List<String> unknown = graph.unknown(current);
        if (!unknown.isEmpty()) {
            return Optional.of(new CheckFinding.UnknownRevision(unknown));
        }
        List<String> pending = graph.upgradePlan(current, "heads").steps().stream()
                .map(PlanStep::revision).map(revision -> revision.id()).toList();
        return pending.isEmpty() ? Optional.empty() : Optional.of(new CheckFinding.Pending(current, pending));
    }
}
