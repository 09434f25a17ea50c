package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.SqlStatement;
import dev.migrate.graph.Direction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One revision run statement by statement, where DDL commits implicitly (MariaDB, MySQL): a failing
 * revision cannot roll back its DDL, so after each statement that commits, how many took effect is
 * recorded (with the checksum of those statements) and committed at once. A run after a failure
 * resumes after them when they are unchanged, and refuses to guess otherwise.
 */
final class StatementRun {

    /** One statement of a revision (or a whole backfill or callback), as statement progress counts them. */
    private record Unit(Work work, SqlStatement statement) {

        List<SqlStatement> checksummed() {
            return statement != null ? List.of(statement) : work.checksummed();
        }

        String text() {
            return statement != null ? SqlStatement.excerpt(statement.sql())
                    : work instanceof Work.Batches batches ? "(batched update of " + batches.update().table() + ")"
                    : "(withConnection callback)";
        }
    }

    private final RenderedRevision rendered;
    private final BackfillProgress progress;
    private final Dialect dialect;
    private final List<Unit> units;
    /** How many units took effect, and the one running (-1 when none). */
    private int applied;
    private int running = -1;

    StatementRun(RenderedRevision rendered, BackfillProgress progress, Dialect dialect) {
        this.rendered = rendered;
        this.progress = progress;
        this.dialect = dialect;
        this.units = units(rendered.work());
    }

    private static List<Unit> units(List<Work> work) {
        List<Unit> units = new ArrayList<>();
        for (Work each : work) {
            if (each instanceof Work.Statements statements) {
                statements.statements().forEach(statement -> units.add(new Unit(each, statement)));
            } else {
                units.add(new Unit(each, null));
            }
        }
        return units;
    }

    /** Runs the revision's units through {@code runner}, from where an earlier attempt stopped. */
    void run(PlanRunner runner) throws SQLException {
        Optional<BackfillProgress.Stopped> stopped = progress.stopped(rendered);
        if (stopped.isPresent()) {
            int at = stopped.get().resumeAt();
            if (at > units.size() || !prefixChecksum(at).equals(stopped.get().checksum())) {
                throw changedSinceStopped(at);
            }
            applied = at;
            runner.resumed(rendered.id(), at, numbered(0, at));
        }
        for (int index = applied; index < units.size(); index++) {
            running = index;
            Unit unit = units.get(index);
            if (unit.statement() != null) {
                runner.send(unit.statement(), rendered);
                if (dialect.commitsImplicitly(unit.statement())) {
                    recordApplied(runner, index + 1);
                }
            } else if (unit.work() instanceof Work.Batches batches) {
                runner.runBatches(batches, rendered, progress.recordStatements(rendered, index, prefixChecksum(index)));
                recordApplied(runner, index + 1);
            } else {
                runner.execute(unit.work(), rendered, index);
            }
        }
        running = -1;
    }

    /** Records that the first {@code count} units took effect, and commits (what ran is committed already). */
    private void recordApplied(PlanRunner runner, int count) throws SQLException {
        runner.commitProgress(progress.recordStatements(rendered, count, prefixChecksum(count)));
        applied = count;
    }

    private String prefixChecksum(int count) {
        List<SqlStatement> statements = new ArrayList<>();
        units.subList(0, count).forEach(unit -> statements.addAll(unit.checksummed()));
        return BackfillProgress.prefixChecksum(statements);
    }

    /** The refusal when the statements an earlier run committed have changed since. */
    private MigrateException changedSinceStopped(int at) {
        String verb = rendered.step().direction() == Direction.UP ? "upgrade" : "downgrade";
        return new MigrateException("Revision " + rendered.named() + " stopped in an earlier " + verb + " after its first "
                + at + " statement(s), which " + dialect.name() + " had committed for good (recorded in " + progress.table()
                + "); those statements have changed since, so migrate cannot tell what the database holds and runs"
                + " nothing of it. Either restore the revision's first " + at + " statement(s) as they were and run " + verb
                + " again (it resumes at statement " + (at + 1) + "), or undo what they did by hand, then forget the"
                + " record with " + progress.forgetByHand(rendered) + " and run " + verb + " again (it runs the whole"
                + " revision).");
    }

    /** What took effect of the revision, for a failure's message; null when nothing did. */
    RevisionFailures.StatementProgress progress() {
        if (applied == 0 || units.isEmpty()) {
            return null;
        }
        return progress(" (failed)", false);
    }

    /** What took effect of the revision when the run stopped before its next statement (Ctrl-C); null when nothing did. */
    RevisionFailures.StatementProgress progressWhenStopped() {
        if (applied == 0 || units.isEmpty()) {
            return null;
        }
        return progress(" (not started: the run was asked to stop)", false);
    }

    /**
     * What took effect of the revision when its connection was lost, even when nothing did: the statement
     * that was running is marked, and when it commits implicitly (DDL) it may have finished on the server
     * before the session ended, so the message cannot call it applied or not.
     */
    RevisionFailures.StatementProgress progressAtLostConnection() {
        boolean mayHaveTakenEffect = running >= 0 && running < units.size() && units.get(running).statement() != null
                && dialect.commitsImplicitly(units.get(running).statement());
        return progress(mayHaveTakenEffect
                ? " (running when the connection was lost: the server may have finished it; if so, the next run's"
                        + " repeat of it fails, naming it)"
                : " (running when the connection was lost)", mayHaveTakenEffect);
    }

    /** Units {@code from} (inclusive) to {@code to} as messages list them: {@code 3. CREATE TABLE ...}. */
    private List<String> numbered(int from, int to) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            texts.add((i + 1) + ". " + units.get(i).text());
        }
        return texts;
    }

    private RevisionFailures.StatementProgress progress(String runningMark, boolean runningMayHaveTakenEffect) {
        List<String> done = numbered(0, applied);
        List<String> notDone = new ArrayList<>();
        for (int i = applied; i < units.size(); i++) {
            notDone.add((i + 1) + ". " + units.get(i).text() + (i == running ? runningMark : ""));
        }
        return new RevisionFailures.StatementProgress(done, notDone, progress.table(), applied, runningMayHaveTakenEffect);
    }
}
