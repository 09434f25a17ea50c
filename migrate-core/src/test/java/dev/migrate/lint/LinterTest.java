package dev.migrate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Operations;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.ops.ColumnType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Per rule: a revision that must be flagged and a safe lookalike that must not be. */
class LinterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static LintedRevision revision(String id, Consumer<Operations> upgrade, LintedRevision.Suppression... allowed) {
        RecordingOperations recorder = new RecordingOperations();
        upgrade.accept(recorder);
        return new LintedRevision(id, "Rev" + id, recorder.operations(), List.of(allowed));
    }

    /** The rules a revision alone (tables it does not create exist) breaks, ddlLockTimeout set. */
    private static List<String> rules(Consumer<Operations> upgrade) {
        return new Linter(TIMEOUT).lint(List.of(revision("a1", upgrade))).stream().map(LintFinding::rule).toList();
    }

    private static void flagged(String rule, Consumer<Operations> upgrade) {
        List<String> rules = rules(upgrade);
        assertTrue(rules.contains(rule), "expected " + rule + " in " + rules);
    }

    private static void notFlagged(String rule, Consumer<Operations> upgrade) {
        List<String> rules = rules(upgrade);
        assertTrue(!rules.contains(rule), "did not expect " + rule + " in " + rules);
    }

    private static void newTickets(Operations op) {
        op.createTable("tickets", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
            t.column("title", ColumnType.TEXT);
        });
    }

    @Test
    void theMessageHasTheIssuesShape() {
        List<LintFinding> findings = new Linter(TIMEOUT).lint(List.of(new LintedRevision("4c1a9e2b7d30", "AddTicketPriority",
                revision("x", op -> op.alterColumn("tickets", "priority", c -> c.notNull())).operations(), List.of())));
        assertEquals(List.of("WARNING [MG103] 4c1a9e2b7d30 AddTicketPriority: SET NOT NULL on tickets.priority scans the"
                + " table under ACCESS EXCLUSIVE; add a CHECK (priority IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT"
                + " NULL (docs/LINT.md#mg103)"), findings.stream().map(LintFinding::line).toList());
        assertEquals("alterColumn tickets.priority", findings.get(0).operation());
    }

    @Test
    void alteringASequenceIsMetadataOnly() {
        Consumer<Operations> typed = op -> op.alterSequence("ticket_seq", s -> s.incrementBy(20).startWith(100));
        assertEquals(List.of(), rules(typed));
        assertEquals(List.of(), new Linter(null).lint(List.of(revision("a1", typed))), "no lock timeout needed either");
        assertEquals(List.of(), new Linter(TIMEOUT, SqlReader.builtIn(), "mariadb").lint(List.of(revision("a1", typed))));
        assertEquals(List.of(), rules(op -> op.execute("ALTER SEQUENCE ticket_seq INCREMENT BY 20")));
    }

    @Test
    void mg100IndexWithoutConcurrently() {
        flagged("MG100", op -> op.createIndex("ix_tickets_title", "tickets", "title"));
        notFlagged("MG100", op -> op.createIndex("ix_tickets_title", "tickets", List.of("title"), ix -> ix.concurrently()));
        notFlagged("MG100", op -> {
            newTickets(op);
            op.createIndex("ix_tickets_title", "tickets", "title");
        });
        flagged("MG100", op -> op.execute("CREATE INDEX ix ON tickets (title)"));
        notFlagged("MG100", op -> op.execute("CREATE INDEX CONCURRENTLY ix ON tickets (title)"));
    }

    @Test
    void mg101DropIndexWithoutConcurrently() {
        flagged("MG101", op -> op.dropIndex("ix", "tickets"));
        notFlagged("MG101", op -> op.dropIndex("ix", "tickets", ix -> ix.concurrently()));
        flagged("MG101", op -> op.execute("DROP INDEX ix"));
        notFlagged("MG101", op -> op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix"));
    }

    @Test
    void mg102ConstraintWithoutNotValid() {
        flagged("MG102", op -> op.addForeignKey("fk", "tickets", List.of("user_id"), "users", List.of("id")));
        flagged("MG102", op -> op.addCheck("ck", "tickets", "priority > 0"));
        notFlagged("MG102", op -> {
            op.addForeignKey("fk", "tickets", List.of("user_id"), "users", List.of("id"), fk -> fk.notValid());
            op.validateConstraint("fk", "tickets");
        });
        notFlagged("MG102", op -> op.addCheck("ck", "tickets", "priority > 0", c -> c.notValid()));
        flagged("MG102", op -> op.execute("ALTER TABLE tickets ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)"));
        notFlagged("MG102", op -> op.execute(
                "ALTER TABLE tickets ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID"));
    }

    @Test
    void mg103SetNotNull() {
        flagged("MG103", op -> op.alterColumn("tickets", "priority", c -> c.notNull()));
        notFlagged("MG103", op -> {
            op.addCheck("priority_nn", "tickets", "priority IS NOT NULL", c -> c.notValid());
            op.validateConstraint("priority_nn", "tickets");
            op.alterColumn("tickets", "priority", c -> c.notNull());
        });
        flagged("MG103", op -> {
            op.addCheck("priority_nn", "tickets", "priority IS NOT NULL", c -> c.notValid()); // never validated
            op.alterColumn("tickets", "priority", c -> c.notNull());
        });
        flagged("MG103", op -> op.execute("ALTER TABLE tickets ALTER COLUMN priority SET NOT NULL"));
    }

    @Test
    void mg120ValidationInTheRevisionThatAddedItNotValid() {
        flagged("MG120", op -> {
            op.addForeignKey("fk", "tickets", List.of("user_id"), "users", List.of("id"), fk -> fk.notValid());
            op.validateConstraint("fk", "tickets");
        });
        flagged("MG120", op -> {
            op.execute("ALTER TABLE tickets ADD CONSTRAINT ck CHECK (priority > 0) NOT VALID");
            op.execute("ALTER TABLE tickets VALIDATE CONSTRAINT ck");
        });
        notFlagged("MG120", op -> op.validateConstraint("fk", "tickets")); // added by an earlier revision
        notFlagged("MG120", op -> { // the engine commits the add before the validation starts
            op.addForeignKey("fk", "tickets", List.of("user_id"), "users", List.of("id"), fk -> fk.notValid());
            op.validateConstraint("fk", "tickets", v -> v.inOwnTransaction());
        });
        notFlagged("MG120", op -> {
            newTickets(op);
            op.addCheck("ck", "tickets", "id > 0", c -> c.notValid());
            op.validateConstraint("ck", "tickets");
        });
    }

    @Test
    void mg103ValidatedInAnEarlierRevisionCounts() {
        LintedRevision check = revision("a1", op -> {
            op.addCheck("priority_nn", "tickets", "priority IS NOT NULL", c -> c.notValid());
            op.validateConstraint("priority_nn", "tickets");
        });
        LintedRevision setNotNull = revision("a2", op -> op.alterColumn("tickets", "priority", c -> c.notNull()));
        List<LintFinding> findings = new Linter(TIMEOUT).lint(List.of(check, setNotNull), Set.of("a2"), false);
        assertEquals(List.of(), findings);
    }

    @Test
    void mg104UniqueWithoutIndex() {
        flagged("MG104", op -> op.addUnique("uq_email", "users", "email"));
        flagged("MG104", op -> op.addPrimaryKey("users_pkey", "users", "id"));
        flagged("MG104", op -> op.addColumn("users", "handle", ColumnType.TEXT, c -> c.unique()));
        notFlagged("MG104", op -> {
            op.createIndex("uq_email_ix", "users", List.of("email"), ix -> ix.unique().concurrently());
            op.execute("ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE USING INDEX uq_email_ix");
        });
        flagged("MG104", op -> op.execute("ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE (email)"));
    }

    @Test
    void mg104KeysTakingOverAnIndexAreSafe() {
        Consumer<Operations> typed = op -> {
            op.createIndex("uq_email_ix", "users", List.of("email"), ix -> ix.unique().concurrently());
            op.addUnique("uq_email", "users", List.of("email"), k -> k.usingIndex("uq_email_ix"));
            op.createIndex("users_id_ix", "users", List.of("id"), ix -> ix.unique().concurrently());
            op.addPrimaryKey("users_pkey", "users", List.of("id"), k -> k.usingIndex("users_id_ix"));
        };
        assertEquals(List.of(), rules(typed));
        // The constraint still takes ACCESS EXCLUSIVE briefly: without a lock timeout MG113 warns, as for the SQL form.
        Consumer<Operations> sql = op -> {
            op.createIndex("uq_email_ix", "users", List.of("email"), ix -> ix.unique().concurrently());
            op.execute("ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE USING INDEX uq_email_ix");
        };
        java.util.function.Function<Consumer<Operations>, List<String>> withoutTimeout = upgrade -> new Linter(null)
                .lint(List.of(revision("a1", upgrade))).stream().map(LintFinding::rule).toList();
        assertEquals(List.of("MG113"), withoutTimeout.apply(sql));
        assertEquals(List.of("MG113"), withoutTimeout.apply(typed));
        flagged("MG104", op -> op.addUnique("uq_email", "users", List.of("email"), k -> { }));
    }

    @Test
    void mg104AdviceNamesTheTypedCall() {
        List<LintFinding> unique = new Linter(TIMEOUT).lint(List.of(revision("a1", op -> op.addUnique("uq_email", "users", "email"))));
        assertEquals("UNIQUE uq_email on users builds its index while the table is locked against reads and writes; build"
                + " a unique index with ix -> ix.unique().concurrently(), then op.addUnique(\"uq_email\", \"users\", columns,"
                + " k -> k.usingIndex(index))", unique.get(0).message());
        List<LintFinding> key = new Linter(TIMEOUT).lint(List.of(revision("a1",
                op -> op.execute("ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id)"))));
        assertTrue(key.stream().anyMatch(f -> f.rule().equals("MG104") && f.message().endsWith(
                "then op.addPrimaryKey(\"users_pkey\", \"users\", columns, k -> k.usingIndex(index))")), key::toString);
    }

    @Test
    void mg105TypeChangeThatRewrites() {
        LintedRevision create = revision("a1", op -> op.createTable("tickets", t -> {
            t.column("id", ColumnType.BIGINT);
            t.column("title", ColumnType.varchar(100));
            t.column("amount", ColumnType.numeric(10, 2));
            t.column("hits", ColumnType.INTEGER);
        }));
        Linter linter = new Linter(TIMEOUT);
        java.util.function.Function<Consumer<Operations>, List<String>> later = change -> linter
                .lint(List.of(create, revision("a2", change)), Set.of("a2"), false).stream().map(LintFinding::rule).toList();
        assertTrue(later.apply(op -> op.alterColumn("tickets", "hits", c -> c.type(ColumnType.BIGINT))).contains("MG105"));
        assertTrue(later.apply(op -> op.alterColumn("tickets", "title", c -> c.type(ColumnType.varchar(50)))).contains("MG105"));
        assertTrue(later.apply(op -> op.alterColumn("tickets", "amount", c -> c.type(ColumnType.numeric(12, 3)))).contains("MG105"));
        assertTrue(!later.apply(op -> op.alterColumn("tickets", "title", c -> c.type(ColumnType.varchar(200)))).contains("MG105"));
        assertTrue(!later.apply(op -> op.alterColumn("tickets", "title", c -> c.type(ColumnType.TEXT))).contains("MG105"));
        assertTrue(!later.apply(op -> op.alterColumn("tickets", "amount", c -> c.type(ColumnType.numeric(14, 2)))).contains("MG105"));
        flagged("MG105", op -> op.alterColumn("unknown", "x", c -> c.type(ColumnType.BIGINT)));
    }

    @Test
    void mg106VolatileDefault() {
        flagged("MG106", op -> op.addColumn("tickets", "token", ColumnType.UUID, c -> c.defaultSql("gen_random_uuid()")));
        flagged("MG106", op -> op.addColumn("tickets", "seen", ColumnType.TIMESTAMPTZ, c -> c.defaultSql("clock_timestamp()")));
        notFlagged("MG106", op -> op.addColumn("tickets", "created", ColumnType.TIMESTAMPTZ, c -> c.defaultSql("now()")));
        notFlagged("MG106", op -> op.addColumn("tickets", "status", ColumnType.TEXT, c -> c.defaultValue("open")));
        notFlagged("MG106", op -> {
            newTickets(op);
            op.addColumn("tickets", "token", ColumnType.UUID, c -> c.defaultSql("gen_random_uuid()"));
        });
    }

    @Test
    void mg107NotNullWithoutDefault() {
        flagged("MG107", op -> op.addColumn("tickets", "priority", ColumnType.INTEGER, c -> c.notNull()));
        notFlagged("MG107", op -> op.addColumn("tickets", "priority", ColumnType.INTEGER, c -> c.notNull().defaultValue(0)));
        notFlagged("MG107", op -> {
            newTickets(op);
            op.addColumn("tickets", "priority", ColumnType.INTEGER, c -> c.notNull());
        });
    }

    @Test
    void mg108DropColumn() {
        flagged("MG108", op -> op.dropColumn("tickets", "note"));
        flagged("MG108", op -> op.execute("ALTER TABLE tickets DROP COLUMN note"));
        notFlagged("MG108", op -> op.execute("ALTER TABLE tickets DROP CONSTRAINT note_check"));
        notFlagged("MG108", op -> op.dropConstraint("note_check", "tickets"));
    }

    @Test
    void mg109DropTable() {
        flagged("MG109", op -> op.dropTable("tickets"));
        flagged("MG109", op -> op.execute("DROP TABLE IF EXISTS tickets"));
        notFlagged("MG109", op -> {
            newTickets(op);
            op.dropTable("tickets");
        });
    }

    @Test
    void mg110RenameColumn() {
        flagged("MG110", op -> op.renameColumn("tickets", "title", "subject"));
        flagged("MG110", op -> op.execute("ALTER TABLE tickets RENAME COLUMN title TO subject"));
        notFlagged("MG110", op -> {
            newTickets(op);
            op.renameColumn("tickets", "title", "subject");
        });
    }

    @Test
    void mg111RenameTable() {
        flagged("MG111", op -> op.renameTable("tickets", "issues"));
        flagged("MG111", op -> op.execute("ALTER TABLE tickets RENAME TO issues"));
        notFlagged("MG111", op -> {
            newTickets(op);
            op.renameTable("tickets", "issues");
        });
    }

    @Test
    void mg112DataChangeWithDdlOnTheSameTable() {
        flagged("MG112", op -> {
            op.addColumn("tickets", "status", ColumnType.TEXT);
            op.bulkInsert("tickets", List.of("status"), List.of(List.of("open")));
        });
        // The engine commits the DDL before the first batch, so a batched backfill holds no DDL lock.
        notFlagged("MG112", op -> {
            op.addColumn("tickets", "status", ColumnType.TEXT);
            op.batchedUpdate("tickets", "status = 'open'", "status IS NULL", 1000);
        });
        flagged("MG112", op -> {
            op.addColumn("tickets", "status", ColumnType.TEXT);
            op.execute("UPDATE tickets SET status = 'open'");
        });
        notFlagged("MG112", op -> op.batchedUpdate("tickets", "status = 'open'", "status IS NULL", 1000));
        notFlagged("MG112", op -> {
            op.addColumn("users", "status", ColumnType.TEXT);
            op.batchedUpdate("tickets", "status = 'open'", "status IS NULL", 1000);
        });
        notFlagged("MG112", op -> {
            newTickets(op);
            op.bulkInsert("tickets", List.of("title"), List.of(List.of("first")));
        });
    }

    @Test
    void mg113AccessExclusiveWithoutDdlLockTimeout() {
        LintedRevision revision = revision("a1", op -> op.addColumn("tickets", "note", ColumnType.TEXT));
        assertEquals(List.of("MG113"), new Linter(null).lint(List.of(revision)).stream().map(LintFinding::rule).toList());
        assertEquals(List.of(), new Linter(TIMEOUT).lint(List.of(revision)));
        LintedRevision concurrent = revision("a2", op -> op.createIndex("ix", "tickets", List.of("title"), ix -> ix.concurrently()));
        assertEquals(List.of(), new Linter(null).lint(List.of(concurrent)));
    }

    @Test
    void mg114IdentifierTooLong() {
        String longName = "ix_" + "x".repeat(61);
        flagged("MG114", op -> op.createIndex(longName, "tickets", List.of("title"), ix -> ix.concurrently()));
        notFlagged("MG114", op -> op.createIndex("ix_" + "x".repeat(60), "tickets", List.of("title"), ix -> ix.concurrently()));
    }

    @Test
    void mg115To117Hygiene() {
        flagged("MG115", op -> op.createTable("t", t -> t.column("id", ColumnType.INTEGER, c -> c.identity().primaryKey())));
        flagged("MG115", op -> op.createTable("t", t -> t.column("id", ColumnType.sql("serial"), c -> c.primaryKey())));
        notFlagged("MG115", op -> op.createTable("t", t -> t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())));
        flagged("MG116", op -> op.createTable("t", t -> t.column("at", ColumnType.TIMESTAMP)));
        notFlagged("MG116", op -> op.createTable("t", t -> t.column("at", ColumnType.TIMESTAMPTZ)));
        flagged("MG117", op -> op.createTable("t", t -> t.column("name", ColumnType.varchar(20))));
        notFlagged("MG117", op -> op.createTable("t", t -> t.column("name", ColumnType.TEXT)));
        List<LintFinding> findings = new Linter(TIMEOUT).lint(List.of(
                revision("a1", op -> op.createTable("t", t -> t.column("name", ColumnType.varchar(20))))));
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertTrue(!FailOn.WARNING.failsAny(findings));
    }

    @Test
    void mg118SqlItCannotReadIsNotLinted() {
        flagged("MG118", op -> op.execute("ALTER TABLE tickets ADD COLUMN x int GENERATED ALWAYS AS (1) STORED"));
        flagged("MG118", op -> op.execute("CREATE INDEX ix ON tickets (a); DROP TABLE tickets"));
        notFlagged("MG118", op -> op.execute("COMMENT ON TABLE tickets IS 'x'"));
        notFlagged("MG118", op -> op.execute("CREATE OR REPLACE VIEW open_tickets AS SELECT * FROM tickets"));
        notFlagged("MG118", op -> op.execute("UPDATE tickets SET status = 'open' WHERE status IS NULL"));
    }

    @Test
    void mg119SuppressionNeedsAReasonAndAKnownRule() {
        Consumer<Operations> drop = op -> op.dropTable("tickets");
        Linter linter = new Linter(TIMEOUT);
        assertEquals(List.of(), linter.lint(List.of(revision("a1", drop,
                new LintedRevision.Suppression("MG109", "tickets moved to issues in release 4")))));
        assertEquals(List.of("MG109", "MG119"), linter.lint(List.of(revision("a1", drop,
                new LintedRevision.Suppression("MG109", " ")))).stream().map(LintFinding::rule).toList());
        assertEquals(List.of("MG109", "MG119"), linter.lint(List.of(revision("a1", drop,
                new LintedRevision.Suppression("MG999", "why not")))).stream().map(LintFinding::rule).toList());
    }

    @Test
    void pendingRunTablesCreatedEarlierInTheRunAreNew() {
        LintedRevision create = revision("a1", LinterTest::newTickets);
        LintedRevision index = revision("a2", op -> op.createIndex("ix", "tickets", "title"));
        Linter linter = new Linter(TIMEOUT);
        assertEquals(List.of(), linter.lint(List.of(create, index), Set.of("a1", "a2"), true));
        assertEquals(List.of("MG100"), linter.lint(List.of(create, index), Set.of("a1", "a2"), false).stream()
                .map(LintFinding::rule).toList());
        // Already applied: the table exists even online.
        assertEquals(List.of("MG100"), linter.lint(List.of(create, index), Set.of("a2"), true).stream()
                .map(LintFinding::rule).toList());
    }

    /** A column an earlier pending revision of the run added holds nothing and no running release reads it yet. */
    @Test
    void pendingRunColumnsAddedEarlierInTheRunMayGoAgain() {
        LintedRevision create = revision("a1", LinterTest::newTickets);
        LintedRevision add = revision("a2", op -> op.addColumn("tickets", "label", ColumnType.TEXT));
        LintedRevision drop = revision("a3", op -> op.dropColumn("tickets", "label"));
        Linter linter = new Linter(TIMEOUT);
        assertEquals(List.of(), linter.lint(List.of(create, add, drop), Set.of("a2", "a3"), true));
        // Judged alone, or with the column already applied: a release may read it.
        assertEquals(List.of("MG108"), linter.lint(List.of(create, add, drop), Set.of("a2", "a3"), false).stream()
                .map(LintFinding::rule).toList());
        assertEquals(List.of("MG108"), linter.lint(List.of(create, add, drop), Set.of("a3"), true).stream()
                .map(LintFinding::rule).toList());
    }

    @Test
    void failOn() {
        LintFinding warning = new LintFinding("MG103", Severity.WARNING, "a", "A", "op", "m");
        assertTrue(FailOn.WARNING.fails(warning));
        assertTrue(!FailOn.ERROR.fails(warning));
        assertTrue(!FailOn.NEVER.fails(new LintFinding("MG100", Severity.ERROR, "a", "A", "op", "m")));
        assertEquals(FailOn.ERROR, FailOn.parse(null));
    }

    /** A comment changes metadata only: no rule fires, not even MG113 without a lock timeout, nor MG112 beside DML. */
    @Test
    void commentChangesAreNeverFlagged() {
        Consumer<Operations> comments = op -> {
            op.setTableComment("tickets", "Support tickets");
            op.dropTableComment("users");
            op.alterColumn("tickets", "title", c -> c.comment("What it's about"));
            op.alterColumn("tickets", "status", c -> c.dropComment());
            op.bulkInsert("tickets", List.of("title"), List.of(List.of("first")));
        };
        assertEquals(List.of(), new Linter(null).lint(List.of(revision("a1", comments))));
        assertEquals(List.of(), rules(comments));
        // A comment beside a real change is judged by the change.
        assertEquals(List.of("MG113"), new Linter(null).lint(List.of(revision("a2",
                op -> op.alterColumn("tickets", "title", c -> c.comment("x").dropDefault())))).stream().map(LintFinding::rule).toList());
    }
}
