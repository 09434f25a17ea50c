package dev.migrate.engine;

import java.util.List;
import java.util.function.BooleanSupplier;

/** Asked before each step of a run whether the run may go on (online: whether it still holds its lock). */
@FunctionalInterface
interface StepGuard {

    /** Lets every step run (offline scripts, tests). */
    StepGuard NONE = (revision, heads) -> { };

    /**
     * Throws a {@link dev.migrate.MigrateException} when the run must stop before {@code revision}
     * starts; {@code heads} is where the version table stands at that point.
     */
    void beforeStep(String revision, List<String> heads);

    /**
     * True once the run was asked to stop (Ctrl-C, SIGTERM): no further statement may start. The cancel
     * that goes with it does not always end the running statement with an error (MariaDB's
     * {@code DO SLEEP} returns normally when killed), and between statements there is none to cancel.
     */
    default boolean stopRequested() {
        return false;
    }

    /**
     * This guard, also stopping the run before its next revision or statement once {@code requested} says
     * so; {@code singleTransaction} when the run's revisions share one transaction, which then rolls back.
     */
    default StepGuard stoppingWhen(BooleanSupplier requested, boolean singleTransaction) {
        StepGuard steps = this;
        return new StepGuard() {
            @Override
            public void beforeStep(String revision, List<String> heads) {
                if (requested.getAsBoolean()) {
                    throw new dev.migrate.MigrateException("Stopped before revision '" + revision + "': this run was asked"
                            + " to stop (Ctrl-C or SIGTERM). " + (singleTransaction
                                    ? "The run's single transaction is rolled back, so the version table stays at "
                                    : "Revisions before it are committed and the version table is at ")
                            + (heads.isEmpty() ? "base" : String.join(", ", heads)) + "; nothing of '" + revision
                            + "' ran. Running the goal again is safe: it continues from there.");
                }
                steps.beforeStep(revision, heads);
            }

            @Override
            public boolean stopRequested() {
                return requested.getAsBoolean();
            }
        };
    }
}
