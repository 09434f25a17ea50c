package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.check.CheckFinding;
import dev.migrate.check.CheckOptions;
import dev.migrate.check.CheckResult;
import dev.migrate.lint.FailOn;
import dev.migrate.lint.LintOptions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code Migrator.check}: the rules of migrate:check as sealed findings, on H2. */
class MigratorCheckTest {

    private static String url() {
        return "jdbc:h2:mem:check_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
    }

    private static RevisionList history() {
        return new RevisionList()
                .sql("a1", "", "CREATE TABLE tickets (id INT PRIMARY KEY)", "DROP TABLE tickets")
                .sql("a2", "a1", "ALTER TABLE tickets ADD COLUMN title VARCHAR(80)", "ALTER TABLE tickets DROP COLUMN title");
    }

    private static Migrator migrator(String url, RevisionList revisions) {
        return Migrator.builder().url(url).revisions(revisions.all()).build();
    }

    @Test
    void aDatabaseBehindTheCodeIsPendingWithTheRevisionsAnUpgradeRuns() {
        String url = url();
        Migrator migrator = migrator(url, history());
        migrator.upgrade("a1");
        CheckResult result = migrator.check(CheckOptions.online().withLint(null));
        assertTrue(result.databaseChecked());
        CheckFinding.Pending pending = assertInstanceOf(CheckFinding.Pending.class, result.findings().get(0));
        assertEquals(List.of("a2"), pending.pending());
        assertEquals("PENDING", pending.kind());
        assertEquals("The database is behind the code: 1 pending revision: a2. Run `mvn compile migrate:upgrade`.",
                pending.message());
        assertEquals(1, result.failing(FailOn.ERROR));

        migrator.upgrade("head");
        assertEquals(List.of(), migrator.check(CheckOptions.online()).findings(), "at head nothing is found");
    }

    @Test
    void aRevisionTheCodeDoesNotKnowIsReportedAndSkipsThePendingLint() {
        String url = url();
        migrator(url, history()).upgrade("head");
        Migrator older = migrator(url, new RevisionList()
                .sql("a1", "", "CREATE TABLE tickets (id INT PRIMARY KEY)", "DROP TABLE tickets"));
        CheckResult result = older.check(CheckOptions.online());
        assertEquals(List.of("UNKNOWN_REVISION"), result.findings().stream().map(CheckFinding::kind).toList());
        assertEquals("The database is at a2, which the code does not know. Merge the branch that added it, or stamp"
                + " the database.", result.findings().get(0).message());
        assertTrue(result.lintSkipped().startsWith("Lint skipped: the database is at a revision the code does not know"),
                result.lintSkipped());
    }

    @Test
    void anAppliedRevisionEditedAfterwardsHasAChangedChecksum() {
        String url = url();
        migrator(url, history()).upgrade("head");
        Migrator edited = migrator(url, new RevisionList()
                .sql("a1", "", "CREATE TABLE tickets (id BIGINT PRIMARY KEY)", "DROP TABLE tickets")
                .sql("a2", "a1", "ALTER TABLE tickets ADD COLUMN title VARCHAR(80)", "ALTER TABLE tickets DROP COLUMN title"));
        CheckResult result = edited.check(CheckOptions.online());
        CheckFinding.ChangedChecksum changed = assertInstanceOf(CheckFinding.ChangedChecksum.class, result.findings().get(0));
        assertEquals("a1", changed.revision().id());
        assertTrue(changed.message().startsWith("Revision a1 (com.example.Rev_a1) was changed after it was applied here"),
                changed.message());
    }

    @Test
    void twoHeadsAreFoundOfflineWithoutAConnection() {
        Migrator migrator = Migrator.builder().revisions(history()
                .sql("b2", "a1", "CREATE TABLE b (id INT)", "DROP TABLE b").all()).build();
        CheckResult result = migrator.check(CheckOptions.offline());
        assertFalse(result.databaseChecked());
        CheckFinding.MultipleHeads heads = assertInstanceOf(CheckFinding.MultipleHeads.class, result.findings().get(0));
        assertEquals(2, heads.heads().size());
        assertTrue(heads.message().startsWith("The code has 2 heads: "), heads.message());
        assertNull(result.lintSkipped());
    }

    @Test
    void lintFindingsFailOnlyAsFailOnSays() {
        Migrator migrator = Migrator.builder().revisions(new RevisionList()
                .add("a1", "", op -> op.createTable("tickets", t -> t.column("title", dev.migrate.ops.ColumnType.TEXT)),
                        op -> op.dropTable("tickets"))
                .add("a2", "a1", op -> op.createIndex("ix_tickets_title", "tickets", "title"),
                        op -> op.dropIndex("ix_tickets_title", "tickets")).all()).build();
        CheckResult result = migrator.check(CheckOptions.offline());
        assertEquals(List.of("LINT"), result.findings().stream().map(CheckFinding::kind).toList());
        assertEquals(List.of(), result.problems(), "lint findings are judged by failOn, not counted as problems");
        assertEquals(1, result.failing(FailOn.ERROR));
        assertEquals(0, result.failing(FailOn.parse("never")));
        assertEquals(List.of(), migrator.check(CheckOptions.offline().withLint(null)).findings());
        assertEquals(LintOptions.Scope.ALL, CheckOptions.offline().lint());
    }

    @Test
    void theEntitiesAreComparedOnlyWhenNothingElseWasFound() {
        String url = url();
        Migrator migrator = migrator(url, history());
        migrator.upgrade("a1");
        boolean[] asked = {false};
        migrator.check(CheckOptions.online().withModel(() -> {
            asked[0] = true;
            return java.util.Optional.empty();
        }));
        assertFalse(asked[0], "a database behind the code differs from the entities by design");
        migrator.upgrade("head");
        migrator.check(CheckOptions.online().withModel(() -> {
            asked[0] = true;
            return java.util.Optional.empty();
        }));
        assertTrue(asked[0]);
    }
}
