package dev.migrate.engine;

import java.util.List;

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
}
