package dev.migrate.engine;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Direction;
import dev.migrate.graph.PlanStep;
import dev.migrate.index.IndexedRevision;
import dev.migrate.ops.BatchedUpdate;
import dev.migrate.ops.Operation;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.ops.WithConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * One revision in one direction, recorded and rendered before anything is sent, so a mistake in
 * the revision's code or an operation the dialect cannot render fails before its transaction
 * starts. Immutable but for its checksum, which is computed once, on first use.
 */
final class RenderedRevision {

    private final IndexedRevision revision;
    private final PlanStep step;
    private final List<Work> work;
    /** Null until {@link #checksum()} first runs. */
    private String checksum;

    /**
     * @param revision the revision
     * @param step     the plan step it belongs to
     * @param work     what to execute, in order
     */
    RenderedRevision(IndexedRevision revision, PlanStep step, List<Work> work) {
        this.revision = revision;
        this.step = step;
        this.work = List.copyOf(work);
    }

    IndexedRevision revision() {
        return revision;
    }

    PlanStep step() {
        return step;
    }

    List<Work> work() {
        return work;
    }

    String id() {
        return revision.id();
    }

    /**
     * {@link Checksums} of the rendered SQL. Computed on demand, once: only history rows need it,
     * so offline scripts never pay for hashing. Not synchronized: one thread at a time owns a
     * rendering ({@link RenderAhead} hands it over through a queue, which publishes it).
     */
    String checksum() {
        if (checksum == null) {
            List<dev.migrate.dialect.SqlStatement> all = new ArrayList<>();
            work.forEach(w -> all.addAll(w.checksummed()));
            checksum = Checksums.of(all);
        }
        return checksum;
    }

    /** "id (class)" for messages. */
    String named() {
        return "'" + revision.id() + "' (" + revision.className() + ")";
    }

    static RenderedRevision render(IndexedRevision revision, PlanStep step, Dialect dialect, String schema) {
        List<Operation> operations = record(revision, create(revision), step.direction(), dialect.name());
        List<Work> work = new ArrayList<>();
        for (Operation operation : operations) {
            try {
                work.add(toWork(operation, dialect, schema));
            } catch (MigrateException e) {
                throw new MigrateException("Revision '" + revision.id() + "' (" + revision.className() + ") cannot be rendered for "
                        + dialect.name() + ": " + e.getMessage(), e);
            }
        }
        return new RenderedRevision(revision, step, work);
    }

    /**
     * The operations of one revision instance in one direction, recorded for {@code database} (a
     * dialect's name, which {@code op.dialect()} answers), with the errors named as a run names them.
     */
    static List<Operation> record(IndexedRevision revision, Migration migration, Direction direction, String database) {
        RecordingOperations recorder = new RecordingOperations(database);
        String method = direction == Direction.UP ? "upgrade" : "downgrade";
        try {
            if (direction == Direction.UP) {
                migration.upgrade(recorder);
            } else {
                migration.downgrade(recorder);
            }
        } catch (MigrateException e) {
            throw new MigrateException("Revision '" + revision.id() + "' (" + revision.className() + "), " + method + "(): "
                    + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new MigrateException("Revision '" + revision.id() + "' (" + revision.className() + ") threw "
                    + e.getClass().getSimpleName() + " in " + method + "()" + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ". Nothing of it was run; fix the revision class.", e);
        }
        return recorder.operations();
    }

    /** The revision's instance; a constructor or static initializer that throws is the class's bug, named as such. */
    static Migration create(IndexedRevision revision) {
        try {
            return revision.factory().get();
        } catch (ExceptionInInitializerError e) {
            // The cause, not the wrapper, becomes ours: Maven appends each cause's message it does not
            // find in ours, and the wrapper's is empty (it would add "ExceptionInInitializerError").
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MigrateException("Revision '" + revision.id() + "' (" + revision.className() + ") cannot be"
                    + " created: its static initializer threw " + describe(cause) + ". Nothing was run; fix the"
                    + " revision class.", cause);
        } catch (RuntimeException | LinkageError e) {
            throw new MigrateException("Revision '" + revision.id() + "' (" + revision.className() + ") cannot be"
                    + " created: " + describe(e) + ". Nothing was run; fix the revision class (it needs a public"
                    + " no-argument constructor that does not throw).", e);
        }
    }

    /** {@code IllegalStateException: message}, without a trailing ": null". */
    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Turns an operation into work. Only the two operations the engine itself executes are told
     * apart; every other one is rendered by the dialect, so a visitor here would have to list
     * every operation just to say "render it" (and break each time one is added).
     */
    private static Work toWork(Operation operation, Dialect dialect, String schema) {
        if (operation instanceof BatchedUpdate update) {
            return new Work.Batches(update, dialect.render(update, schema));
        }
        if (operation instanceof WithConnection callback) {
            return new Work.Callback(callback);
        }
        return new Work.Statements(dialect.render(operation, schema));
    }
}
