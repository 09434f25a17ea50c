package dev.migrate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.graph.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Every check on a history that passes it and on a history built to fail it, against the database
 * each subclass provides. Failure messages must name the revision to blame.
 */
abstract class ChecksContract {

    private ClassState state;
    private DatabaseServer located;

    /**
     * Finds the server before the test body, so a missing one skips (or, under CI, fails) the test
     * here, and never inside an {@code assertThrows} that would read the skip as a wrong exception.
     */
    @BeforeEach
    void locateServer() {
        located = server();
    }

    /** The server databases are created on. */
    abstract DatabaseServer server();

    /** Statements that make an upgrade take at least {@code millis}, and undo any helper they created. */
    abstract List<String> sleep(int millis);

    abstract List<String> undoSleep();

    /** Whether {@code checks.lint()} judges by MariaDB's rules here (else PostgreSQL's). */
    boolean lintsForMariaDb() {
        return false;
    }

    MigrationChecks checks(History history) {
        state = new ClassState(new LocatedServer(located, "the test"), getClass(), history.set(),
                TestSettings.of(Defaults.class.getAnnotation(MigrateTest.class), getClass()));
        return state.checks();
    }

    MigrationTester tester() {
        return new MigrationTester(state.classSession());
    }

    @AfterEach
    void dropDatabases() {
        if (state != null) {
            state.close();
        }
    }

    @Test
    void goodHistoryPassesEveryCheck() {
        MigrationChecks checks = checks(Histories.good());
        checks.singleHead();
        checks.upgradeAll();
        checks.stairway();
        checks.roundTrip();
        checks.slowerThan(Duration.ofHours(1));
        Set<String> timed = checks.timings().stream().map(t -> t.revision() + " " + t.direction()).collect(Collectors.toSet());
        assertEquals(Set.of("a1 UP", "b2 UP", "c3 UP", "a1 DOWN", "b2 DOWN", "c3 DOWN"), timed);
    }

    @Test
    void lintJudgesByTheRulesOfTheTestsDatabase() {
        // c3 runs CREATE INDEX on an existing table: it blocks writes on PostgreSQL (MG100), while
        // MariaDB's InnoDB builds it in place without a lock, so a MariaDB project must not be told
        // to use CONCURRENTLY, which MariaDB does not have.
        MigrationChecks checks = checks(Histories.leavesColumnBehind());
        if (lintsForMariaDb()) {
            checks.lint();
        } else {
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, checks::lint);
            assertTrue(failure.getMessage().contains("ERROR [MG100] c3 "), failure.getMessage());
        }
    }

    @Test
    void branchedHistoryPassesStairwayAndRoundTrip() {
        MigrationChecks checks = checks(Histories.twoHeads());
        checks.upgradeAll();
        checks.stairway();
        checks.roundTrip();
    }

    @Test
    void mergedHistoryPassesEveryCheck() {
        MigrationChecks checks = checks(Histories.merged());
        checks.singleHead();
        checks.upgradeAll();
        checks.stairway();
        checks.roundTrip();
    }

    @Test
    void upgradeAllNamesTheRevisionThatFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checks(Histories.cannotUpgrade()).upgradeAll());
        assertTrue(e.getMessage().startsWith("Revision b2 (step b2, Rev_b2) fails to upgrade (upgrading an empty database one"
                + " revision at a time): "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("no_such_table"), e.getMessage());
    }

    @Test
    void stairwayNamesTheRevisionWhoseDowngradeLeavesAColumnBehind() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checks(Histories.leavesColumnBehind()).stairway());
        assertTrue(e.getMessage().startsWith("Revision b2 (step b2, Rev_b2): downgrade does not undo its upgrade."), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("+ column tickets.priority int"), e.getMessage()); // integer, or MariaDB's int
    }

    @Test
    void roundTripPrintsWhatTheDowngradeLeftBehind() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checks(Histories.leavesTableBehind()).roundTrip());
        assertTrue(e.getMessage().startsWith("Downgrading from heads to base does not remove everything the upgrade created"
                + " (+ left behind):"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("+ table audit (id, note)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Run stairway() to find the revision whose downgrade leaves it behind."), e.getMessage());
    }

    @Test
    void singleHeadNamesBothHeadsAndTheMergeGoal() {
        MigrationChecks checks = checks(Histories.twoHeads());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, checks::singleHead);
        assertEquals("The revision history has 2 heads: b2 (step b2, Rev_b2), c3 (step c3, Rev_c3)."
                + " Merge them into one with mvn migrate:merge.", e.getMessage());
        checks.singleHead("b2", "c3");
        AssertionFailedError partly = assertThrows(AssertionFailedError.class, () -> checks.singleHead("b2"));
        assertTrue(partly.getMessage().endsWith(", or add the intended ones to singleHead([b2])."), partly.getMessage());
    }

    @Test
    void stairwayNamesTheRevisionThatCannotBeDowngraded() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checks(Histories.cannotDowngrade()).stairway());
        assertTrue(e.getMessage().startsWith("Revision b2 (step b2, Rev_b2) cannot be downgraded (downgrade to a1): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Make its downgrade() undo its upgrade()."), e.getMessage());
    }

    @Test
    void slowerThanNamesTheSlowRevision() {
        MigrationChecks checks = checks(Histories.slow(sleep(300), undoSleep()));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checks.slowerThan(Duration.ofMillis(250)));
        assertTrue(e.getMessage().startsWith("1 revision step(s) took longer than 250 ms: b2 upgrade "), e.getMessage());
        assertTrue(e.getMessage().contains(" s b2 (step b2, Rev_b2). Batch large data changes"), e.getMessage());
        assertTrue(checks.timings().stream().anyMatch(t -> t.revision().equals("b2") && t.direction() == Direction.DOWN));
    }

    @Test
    void noPendingListsTheRevisionsNotYetApplied() {
        MigrationChecks checks = checks(Histories.good());
        MigrationTester tester = tester();
        tester.upgrade("a1");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checks.noPending(tester.dataSource()));
        assertTrue(e.getMessage().contains(" is at [a1] and 2 revision(s) are pending: b2 (step b2, Rev_b2), c3 (step c3, Rev_c3)."
                + " Run mvn migrate:upgrade against it."), e.getMessage());
        tester.upgrade("heads");
        checks.noPending(tester.dataSource());
    }

    @Test
    void testerMovesThroughADataMigration() {
        checks(Histories.good());
        MigrationTester t = tester();
        t.upgrade("b2");
        t.execute("INSERT INTO tickets (id, status) VALUES (1, 'open'), (2, 'closed')");
        t.upgrade("+1");
        assertEquals(List.of("c3"), t.current());
        assertEquals(List.of("OPEN", "CLOSED"), t.query("SELECT status FROM tickets ORDER BY id"));
        assertEquals(List.of(List.of(1, "OPEN")), t.query("SELECT id, status FROM tickets WHERE id = 1"));
        t.downgrade("base");
        assertTrue(t.schema().isEmpty(), () -> t.schema().toString());
    }

    /** Carries the default {@code @MigrateTest} values for tests that build their state by hand. */
    @MigrateTest
    private static final class Defaults {
    }
}
