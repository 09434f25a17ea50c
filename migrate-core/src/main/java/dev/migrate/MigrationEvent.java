package dev.migrate;

import dev.migrate.graph.Direction;
import java.time.Duration;
import java.util.List;

/**
 * Something that happened during a run (lock wait, revision started/finished, batch progress).
 * A closed family of records, so a listener can format each kind; {@link #describe()} gives one
 * log line for listeners that do not care.
 */
public sealed interface MigrationEvent {

    /** One line for a log. */
    String describe();

    /**
     * Whether this event warns of something the user should look at (a log's WARN level): the run
     * goes on, but not necessarily as meant. False for progress.
     */
    default boolean isWarning() {
        return false;
    }

    /**
     * The target was ambiguous and the run follows Alembic's choice, as Alembic does with a warning:
     * {@code downgrade -1} when the version table has several rows counts down from the first. Reported
     * once per run, before anything runs.
     *
     * @param target  the target as given
     * @param warning the line saying what was chosen and how to choose instead
     */
    record AmbiguousTarget(String target, String warning) implements MigrationEvent {
        @Override
        public String describe() {
            return warning;
        }

        @Override
        public boolean isWarning() {
            return true;
        }
    }

    /**
     * The version table holds rows another row already implies (one row lies below another); an
     * upgrade that runs anything deletes them in its first revision's transaction, so the table
     * ends as Alembic would write it. Reported once per run, before anything runs.
     *
     * @param rows each redundant row with a row above it
     * @param dropped whether this run deletes them (an upgrade with something to run)
     */
    record RedundantVersionRows(java.util.Map<String, String> rows, boolean dropped) implements MigrationEvent {
        public RedundantVersionRows {
            rows = java.util.Map.copyOf(rows);
        }

        @Override
        public boolean isWarning() {
            return true;
        }

        @Override
        public String describe() {
            return describeRows(rows) + (dropped ? "; this upgrade deletes the redundant row"
                    + (rows.size() == 1 ? "" : "s") + " in its first revision's transaction."
                    : ". `mvn migrate:upgrade` deletes " + (rows.size() == 1 ? "it" : "them") + " with its next revision.");
        }

        /** "The version table's row a1 lies below its row c3 ..." for {@code current} and the upgrade alike. */
        public static String describeRows(java.util.Map<String, String> rows) {
            return "The version table's row" + (rows.size() == 1 ? " " : "s ") + new java.util.TreeMap<>(rows).entrySet()
                    .stream().map(e -> e.getKey() + " lies below its row " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")) + " (one row per applied head is Alembic's rule,"
                    + " so " + (rows.size() == 1 ? "it is" : "they are") + " redundant)";
        }
    }

    /**
     * Another run holds the lock; this run waits (reported once, when waiting starts).
     *
     * @param lock    what is being waited for (the version table's qualified name)
     * @param timeout how long the run waits before failing ({@code migrate.lockTimeout})
     */
    record LockWaiting(String lock, Duration timeout) implements MigrationEvent {
        @Override
        public String describe() {
            return "Waiting for another migrate run to release the lock on " + lock + " (up to " + timeout.toSeconds()
                    + " s, migrate.lockTimeout)";
        }
    }

    /**
     * The run lock is free, but the database session of another run still works here (a run
     * killed in the middle of a statement, or one whose lock connection dropped) and this run may
     * not end it (see {@link SessionEnded}); it waits for that session to end (reported once).
     *
     * @param lock    the version table's qualified name
     * @param holder  who that session is ("session pid 123 (...)"), empty when unknown
     * @param timeout how long the run waits before failing ({@code migrate.lockTimeout})
     */
    record SessionWaiting(String lock, String holder, Duration timeout) implements MigrationEvent {
        @Override
        public String describe() {
            return "Waiting for the database session of another migrate run on " + lock + " to end"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ": its run lock is gone but its statement still"
                    + " runs on the server (up to " + timeout.toSeconds() + " s, migrate.lockTimeout)";
        }
    }

    /**
     * The run lock was free but the work-session lock was not: its holder is the database session
     * of a run whose lock connection is gone (killed in the middle of a revision, or cut off), which
     * no run can bring to a commit any more; this run ended it, and the server rolled it back.
     *
     * @param lock   the version table's qualified name
     * @param holder who that session was ("session pid 123 (...)")
     */
    record SessionEnded(String lock, String holder) implements MigrationEvent {
        @Override
        public String describe() {
            return "Ended the database session of an interrupted migrate run on " + lock + " (" + holder + "): its run"
                    + " lock was gone, so it could not be left to finish; the server rolled back its open transaction, and"
                    + " what it had committed stays";
        }
    }

    /** The run holds the lock; {@code waited} is zero when nobody else held it. */
    record LockAcquired(String lock, Duration waited) implements MigrationEvent {
        @Override
        public String describe() {
            return waited.isZero() ? "Acquired the lock on " + lock
                    : "Acquired the lock on " + lock + " after waiting " + waited.toMillis() + " ms";
        }
    }

    /** The plan is known: nothing to do when {@code revisions} is empty. */
    record Planned(Direction direction, List<String> headsBefore, List<String> revisions) implements MigrationEvent {
        public Planned {
            headsBefore = List.copyOf(headsBefore);
            revisions = List.copyOf(revisions);
        }

        @Override
        public String describe() {
            return revisions.isEmpty() ? "Already at the target (" + heads(headsBefore) + "); nothing to do"
                    : "Running " + revisions.size() + " revision(s) " + (direction == Direction.UP ? "up" : "down")
                    + " from " + heads(headsBefore);
        }
    }

    /** One revision begins ({@code from} is the version it leaves, empty for base). */
    record RevisionStarted(String id, String message, Direction direction, String from) implements MigrationEvent {
        @Override
        public String describe() {
            String verb = direction == Direction.UP ? "upgrade " + from + " -> " + id : "downgrade " + id + " -> " + from;
            return "Running " + verb + (message.isEmpty() ? "" : ", " + message);
        }
    }

    /** One revision committed. */
    record RevisionFinished(String id, Direction direction, Duration duration) implements MigrationEvent {
        @Override
        public String describe() {
            return "Finished " + id + " in " + duration.toMillis() + " ms";
        }
    }

    /**
     * A batched update committed one more batch.
     *
     * @param expectedRows how many rows the update's WHERE clause selected when it started, or -1 when
     *                     counting them was not cheap (the count is given up after a few seconds)
     * @param remaining    the time left at the rate so far, or null until the run is long enough to say
     *                     (see {@link BatchEstimate})
     */
    record BatchProgress(String revision, String table, long batch, long rows, long totalRows, long expectedRows,
            Duration remaining) implements MigrationEvent {

        /** Progress without a total or an estimate. */
        public BatchProgress(String revision, String table, long batch, long rows, long totalRows) {
            this(revision, table, batch, rows, totalRows, -1, null);
        }

        @Override
        public String describe() {
            if (batch == 1 && rows == 0 && totalRows == 0) {
                // A first run on an empty table: "batch 1 updated 0 row(s), 0 so far of about 0" reads like a fault.
                return revision + ": no row of " + table + " to update (batched update)";
            }
            StringBuilder text = new StringBuilder(revision + ": batch " + batch + " updated " + rows + " row(s) of " + table
                    + ", " + totalRows + " so far");
            if (expectedRows >= 0) {
                text.append(" of about ").append(expectedRows);
                if (expectedRows > 0) {
                    text.append(" (").append(Math.min(100, totalRows * 100 / expectedRows)).append(" %)");
                }
            }
            if (remaining != null) {
                text.append(", about ").append(BatchEstimate.words(remaining)).append(" left");
            }
            return text.toString();
        }
    }

    /**
     * A revision whose earlier attempt stopped (failed, lost its connection, or its process was killed)
     * after committing part of it for good runs again from there: at its batched update, or where DDL
     * commits implicitly, after its statements that took effect. Those are not repeated.
     *
     * @param revision     the revision's id
     * @param skippedSteps how many of its steps are skipped
     * @param skipped      what they were, numbered excerpts ({@code 1. CREATE TABLE ...}); empty when not told
     */
    record Resumed(String revision, int skippedSteps, List<String> skipped) implements MigrationEvent {

        /** How many of {@code skipped} the line names; the rest are counted. */
        private static final int NAMED = 5;

        public Resumed {
            skipped = List.copyOf(skipped);
        }

        public Resumed(String revision, int skippedSteps) {
            this(revision, skippedSteps, List.of());
        }

        @Override
        public String describe() {
            if (skipped.isEmpty()) {
                return revision + ": resuming after its first " + skippedSteps + " step(s), which the attempt that failed"
                        + " committed (at a batched update, or DDL that commits implicitly); they are not run again";
            }
            String named = String.join("; ", skipped.subList(0, Math.min(NAMED, skipped.size())))
                    + (skipped.size() > NAMED ? "; and " + (skipped.size() - NAMED) + " more" : "");
            return revision + ": resuming after its first " + skippedSteps + " step(s), which an earlier attempt committed"
                    + " for good before it stopped (it failed, lost its connection or was killed); they are not run again: "
                    + named;
        }
    }

    /**
     * A revision is downgraded whose {@code downgrade()} records no operation while its {@code upgrade()}
     * does: the version table moves down, and what the upgrade created stays, so a later upgrade of the
     * revision fails on it (Alembic's {@code pass} downgrade, silent there).
     *
     * @param revision  the revision's id
     * @param className its class
     */
    record EmptyDowngrade(String revision, String className) implements MigrationEvent {
        @Override
        public boolean isWarning() {
            return true;
        }

        @Override
        public String describe() {
            return "Revision " + revision + " (" + className + ") has an empty downgrade(), though its upgrade() changes"
                    + " the database: this downgrade moves only the version table, and what upgrade() did stays (a"
                    + " later upgrade of it may then fail on it). Write the downgrade, or throw from it when the"
                    + " revision cannot be undone.";
        }
    }

    /** A statement that refuses transactions is about to run in autocommit between two commits. */
    record OutsideTransaction(String revision, String sql) implements MigrationEvent {
        @Override
        public String describe() {
            return revision + ": running outside a transaction: " + sql;
        }
    }

    /** The version table was set without running revisions. */
    record Stamped(List<String> headsBefore, List<String> headsAfter) implements MigrationEvent {
        public Stamped {
            headsBefore = List.copyOf(headsBefore);
            headsAfter = List.copyOf(headsAfter);
        }

        @Override
        public String describe() {
            return "Stamped " + heads(headsBefore) + " -> " + heads(headsAfter);
        }
    }

    private static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
