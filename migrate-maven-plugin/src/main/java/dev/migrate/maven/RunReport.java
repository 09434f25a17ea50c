package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.MigrationEvent;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.RevisionFailedException;
import dev.migrate.RunResult;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The JSON result of {@code upgrade}, {@code downgrade} and {@code stamp} run online with
 * {@code migrate.outputFile}, so a release pipeline can report what a deployment did: the revisions
 * run (with their durations, also those committed before a failure), the version table before and
 * after, and on failure the failing revision and statement. Written on failure too, before the
 * build fails. Schema in JSON.md.
 *
 * @param goal       {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param target     the target as given
 * @param success    whether the run finished
 * @param before     the version table's rows before the run
 * @param after      its rows after the run (after a failure: as read again, or null when unreadable)
 * @param revisions  every revision run to the end, in order
 * @param durationMs the run's wall time
 * @param failure    the failure, or null
 */
public record RunReport(String goal, String target, boolean success, List<String> before, List<String> after,
        List<Step> revisions, long durationMs, Failure failure) {

    /** One revision run: id, {@code up} or {@code down}, and how long it took. */
    public record Step(String id, String direction, long durationMs) {
    }

    /**
     * Why the run stopped.
     *
     * @param revision  the failing revision, or null when the run failed outside one (lock, connection)
     * @param statement the failing statement, or null
     * @param sqlState  the database's SQLState, or null
     * @param message   the message the build failed with
     */
    public record Failure(String revision, String statement, String sqlState, String message) {
    }

    /** Records finished revisions as they happen, beside the log. */
    static final class Recorder implements MigrationListener {
        final List<Step> steps = new ArrayList<>();

        @Override
        public void on(MigrationEvent event) {
            if (event instanceof MigrationEvent.RevisionFinished finished) {
                steps.add(new Step(finished.id(), finished.direction().name().toLowerCase(Locale.ROOT),
                        finished.duration().toMillis()));
            }
        }
    }

    /**
     * Runs {@code run} on a migrator that also records into a report, writes the report to
     * {@code outputFile} (when set) whether the run succeeds or fails, and returns the result.
     */
    static RunResult runAndReport(MigrateContext context, String goal, String target, File outputFile,
            Function<Migrator, RunResult> run) {
        if (outputFile == null) {
            return run.apply(context.migrator());
        }
        Recorder recorder = new Recorder();
        Migrator migrator = context.migratorAlsoTelling(recorder);
        List<String> before = migrator.current();
        long start = System.nanoTime();
        try {
            RunResult result = run.apply(migrator);
            JsonReports.write(outputFile, new RunReport(goal, target, true, result.headsBefore(), result.headsAfter(),
                    recorder.steps, elapsed(start), null), context);
            return result;
        } catch (MigrateException e) {
            List<String> after;
            try {
                after = migrator.current();
            } catch (MigrateException unreadable) {
                after = null;
            }
            Failure failure = e instanceof RevisionFailedException failed
                    ? new Failure(failed.revision(), failed.statement(), failed.sqlState(), e.getMessage())
                    : new Failure(null, null, null, e.getMessage());
            JsonReports.write(outputFile, new RunReport(goal, target, false, before, after, recorder.steps,
                    elapsed(start), failure), context);
            throw e;
        }
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
