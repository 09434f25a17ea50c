package dev.migrate.junit;

import dev.migrate.index.IndexedRevision;
import dev.migrate.index.RevisionIndex;
import java.util.List;

/**
 * The histories the tests use: one that passes every check, and one built to fail each check.
 * The nested indexes are what {@code @MigrateTest(revisions = ...)} takes.
 */
final class Histories {

    static final String CREATE_TICKETS = "CREATE TABLE tickets (id INTEGER PRIMARY KEY, status VARCHAR(20))";

    private Histories() {
    }

    /** a1 creates tickets, b2 adds priority, c3 upper-cases the status values. */
    static History good() {
        return History.create()
                .revision("a1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("b2", "a1", "ALTER TABLE tickets ADD COLUMN priority INTEGER", "ALTER TABLE tickets DROP COLUMN priority")
                .revision("c3", "b2", "UPDATE tickets SET status = UPPER(status)", "UPDATE tickets SET status = LOWER(status)");
    }

    /** b2's downgrade forgets the column it added. */
    static History leavesColumnBehind() {
        return History.create()
                .revision("a1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("b2", "a1", "ALTER TABLE tickets ADD COLUMN priority INTEGER", "UPDATE tickets SET priority = NULL")
                .revision("c3", "b2", "CREATE INDEX ix_tickets_status ON tickets (status)", "DROP INDEX ix_tickets_status");
    }

    /** b2's downgrade leaves the table it created. */
    static History leavesTableBehind() {
        return History.create()
                .revision("a1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("b2", "a1", "CREATE TABLE audit (id INTEGER PRIMARY KEY, note VARCHAR(40))", "DELETE FROM audit");
    }

    /** b2 and c3 both revise a1. */
    static History twoHeads() {
        return History.create()
                .revision("a1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("b2", "a1", "ALTER TABLE tickets ADD COLUMN priority INTEGER", "ALTER TABLE tickets DROP COLUMN priority")
                .revision("c3", "a1", "CREATE TABLE tags (id INTEGER PRIMARY KEY)", "DROP TABLE tags");
    }

    /** {@link #twoHeads()} joined again by the merge revision d4. */
    static History merged() {
        return twoHeads().revision("d4", List.of("b2", "c3"), List.of("ALTER TABLE tags ADD COLUMN name VARCHAR(20)"),
                List.of("ALTER TABLE tags DROP COLUMN name"));
    }

    /** b2's upgrade refers to a table that does not exist. */
    static History cannotUpgrade() {
        return History.create()
                .revision("a1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("b2", "a1", "ALTER TABLE no_such_table ADD COLUMN priority INTEGER", "SELECT 1")
                .revision("c3", "b2", "CREATE TABLE tags (id INTEGER PRIMARY KEY)", "DROP TABLE tags");
    }

    /** b2's downgrade drops a table that does not exist. */
    static History cannotDowngrade() {
        return History.create()
                .revision("a1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("b2", "a1", "ALTER TABLE tickets ADD COLUMN priority INTEGER", "DROP TABLE no_such_table");
    }

    /** b2 sleeps for {@code millis} in its upgrade, through the statements the dialect needs. */
    static History slow(List<String> sleepUpgrade, List<String> sleepDowngrade) {
        return History.create()
                .revision("a1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("b2", List.of("a1"), sleepUpgrade, sleepDowngrade);
    }

    /** Two databases: the default one's tickets and analytics' daily facts, each a history of two revisions. */
    static History twoDatabases() {
        return History.create()
                .revision("m1", null, CREATE_TICKETS, "DROP TABLE tickets")
                .revision("m2", "m1", "ALTER TABLE tickets ADD COLUMN title VARCHAR(50)", "ALTER TABLE tickets DROP COLUMN title")
                .revisionIn("analytics", "a1", null, "CREATE TABLE daily_facts (fact_date DATE PRIMARY KEY)", "DROP TABLE daily_facts")
                .revisionIn("analytics", "a2", "a1", "ALTER TABLE daily_facts ADD COLUMN tickets INTEGER",
                        "ALTER TABLE daily_facts DROP COLUMN tickets");
    }

    /** {@link #twoDatabases()} for {@code @MigrateTest(revisions = ...)}. */
    public static final class TwoDatabases implements RevisionIndex {
        @Override
        public List<IndexedRevision> revisions() {
            return twoDatabases().revisions();
        }
    }

    /** {@link #good()} for {@code @MigrateTest(revisions = ...)}. */
    public static final class Good implements RevisionIndex {
        @Override
        public List<IndexedRevision> revisions() {
            return good().revisions();
        }
    }

    /** {@link #leavesColumnBehind()} for {@code @MigrateTest(revisions = ...)}. */
    public static final class LeavesColumnBehind implements RevisionIndex {
        @Override
        public List<IndexedRevision> revisions() {
            return leavesColumnBehind().revisions();
        }
    }
}
