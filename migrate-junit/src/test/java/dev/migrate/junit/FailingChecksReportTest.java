package dev.migrate.junit;

import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.jupiter.api.condition.EnabledIf;

/** Runs {@code @MigrateTest} classes whose checks fail through the JUnit Platform and checks the reported failures. */
class FailingChecksReportTest {

    private static EngineExecutionResults run(Class<?> testClass) {
        return TestKitSamples.run(testClass);
    }

    @Test
    void aFailingCheckFailsTheTestWithTheRevisionInTheMessage() {
        run(FailingHistorySample.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("history"), finishedWithFailure(message(m -> m.startsWith(
                        "Revision b2 (step b2, Rev_b2): downgrade does not undo its upgrade.")))));
    }

    @Test
    void perRevisionReportsTheFailingRevisionAndAbortsTheLaterOnes() {
        EngineExecutionResults results = run(PerRevisionSample.class);
        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(2).aborted(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("lint"), finishedWithFailure(message(m -> m.contains("[MG100] c3")))))
                .haveExactly(1, event(test(), displayName("b2 (step b2, Rev_b2)"), finishedWithFailure(message(m -> m.contains("b2")))))
                .haveExactly(1, event(test(), displayName("c3 (step c3, Rev_c3)"), abortedWithReason(
                        message("Not run: the stairway step of revision b2 failed before it."))));
    }

    @Test
    void lintFailsOnAnErrorFindingNamingRuleRevisionAndFix() {
        run(LintSample.class).testEvents().assertThatEvents().haveExactly(1, event(test("lint"), finishedWithFailure(
                message("The lint found 1 unsafe operation(s):" + System.lineSeparator()
                        + "ERROR [MG100] c3 SqlMigration: CREATE INDEX ix_tickets_status blocks writes to tickets (SHARE"
                        + " lock) for the whole build; build it with ix -> ix.concurrently() (CREATE INDEX CONCURRENTLY)"
                        + " (docs/LINT.md#mg100)" + System.lineSeparator() + "Use the safe form each line names, or mark"
                        + " a revision that is unsafe on purpose with @AllowUnsafe(value = \"MG1xx\", reason = \"...\")."))));
        run(LintCleanSample.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    // ---- sample classes, run only through EngineTestKit (surefire skips nested classes) ----

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.LeavesColumnBehind.class)
    static class FailingHistorySample {
        @Test
        void history(MigrationChecks checks) {
            checks.singleHead();
            checks.stairway();
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.LeavesColumnBehind.class)
    static class PerRevisionSample {
        @TestFactory
        Stream<DynamicTest> revisions(MigrationChecks checks) {
            return checks.perRevision();
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.LeavesColumnBehind.class)
    static class LintSample {
        @Test
        void lint(MigrationChecks checks) {
            checks.lint();
        }
    }

    @EnabledIf("dev.migrate.junit.TestKitSamples#running")
    @MigrateTest(url = MigrateTest.H2, revisions = Histories.Good.class)
    static class LintCleanSample {
        @Test
        void lint(MigrationChecks checks) {
            checks.lint();
        }
    }
}
