package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.annotation.AllowUnsafe;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.index.IndexedRevision;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintOptions;
import dev.migrate.ops.ColumnType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code Migrator.lint}: which revisions are linted, new tables of a pending run, @AllowUnsafe read from the class. */
class MigratorLintTest {

    public static class CreateTickets implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("tickets", t -> {
                t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                t.column("title", ColumnType.TEXT);
            });
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("tickets");
        }
    }

    public static class IndexTitle implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex("ix_tickets_title", "tickets", "title");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("ix_tickets_title", "tickets", ix -> ix.concurrently());
        }
    }

    @AllowUnsafe(value = "MG100", reason = "tickets is empty in every environment")
    public static class IndexTitleAllowed extends IndexTitle {
    }

    @AllowUnsafe(value = "MG100", reason = "")
    public static class IndexTitleNoReason extends IndexTitle {
    }

    private static IndexedRevision revision(String id, String parent, java.util.function.Supplier<Migration> factory) {
        return new IndexedRevision(new RevisionDescriptor(id, parent == null ? List.of() : List.of(parent), List.of(),
                List.of(), "rev " + id, "com.example." + id), factory);
    }

    private static Migrator migrator(String url, java.util.function.Supplier<Migration> second) {
        return Migrator.builder().url(url).ddlLockTimeout(Duration.ofSeconds(3))
                .revisions(List.of(revision("a1", null, CreateTickets::new), revision("a2", "a1", second))).build();
    }

    private static List<String> lines(List<LintFinding> findings) {
        return findings.stream().map(LintFinding::line).toList();
    }

    @Test
    void allJudgesEachRevisionAloneWithoutADatabase() {
        List<LintFinding> findings = migrator(null, IndexTitle::new).lint(LintOptions.all());
        assertEquals(List.of("ERROR [MG100] a2 IndexTitle: CREATE INDEX ix_tickets_title blocks writes to tickets (SHARE"
                + " lock) for the whole build; build it with ix -> ix.concurrently() (CREATE INDEX CONCURRENTLY)"
                + " (docs/LINT.md#mg100)"), lines(findings));
        assertEquals(List.of(), migrator(null, IndexTitleAllowed::new).lint(LintOptions.all()));
        assertEquals(List.of("MG100", "MG119"), migrator(null, IndexTitleNoReason::new).lint(LintOptions.all()).stream()
                .map(LintFinding::rule).toList());
    }

    @Test
    void pendingOnH2CountsTablesOfTheSameRunAsNew() {
        String url = "jdbc:h2:mem:lint_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
        Migrator fresh = migrator(url, IndexTitle::new);
        assertEquals(List.of(), fresh.lint(LintOptions.pending()));
        fresh.upgrade("a1");
        assertEquals(List.of("MG100"), fresh.lint(LintOptions.pending()).stream().map(LintFinding::rule).toList());
        fresh.upgrade("heads");
        assertEquals(List.of(), fresh.lint(LintOptions.pending()));
    }

    /** The lint records each revision for the database it lints for: migrate.url's, else PostgreSQL (whose rules apply then). */
    @Test
    void revisionsAreRecordedForTheLintedDatabase() {
        List<String> seen = new java.util.ArrayList<>();
        java.util.function.Supplier<Migration> asking = () -> new dev.migrate.testing.LambdaMigration(op -> {
            seen.add(op.dialect());
            op.execute("SELECT 1");
        }, op -> { });
        migrator(null, asking).lint(LintOptions.all());
        migrator("jdbc:h2:mem:lint_" + UUID.randomUUID(), asking).lint(LintOptions.all());
        migrator("jdbc:mariadb://127.0.0.1:1/app", asking).lint(LintOptions.all());
        migrator("jdbc:mysql://127.0.0.1:1/app", asking).lint(LintOptions.all());
        assertEquals(List.of("postgresql", "h2", "mariadb", "mariadb"), seen);
    }
}
