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

/** The MariaDB rules (MG121-MG122, MG124 on typed operations) and which rules apply by dialect: flagged and safe lookalike. */
class MariaDbLintTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static LintedRevision revision(String id, Consumer<Operations> upgrade) {
        RecordingOperations recorder = new RecordingOperations();
        upgrade.accept(recorder);
        return new LintedRevision(id, "Rev" + id, recorder.operations(), List.of());
    }

    private static final LintedRevision CREATE = revision("a1", op -> op.createTable("tickets", t -> {
        t.column("id", ColumnType.BIGINT);
        t.column("title", ColumnType.varchar(100));
        t.column("code", ColumnType.varchar(20));
        t.column("hits", ColumnType.INTEGER);
    }));

    /** Rules the revision breaks after CREATE, linted for {@code dialect}. */
    private static List<String> rules(String dialect, Consumer<Operations> change) {
        return new Linter(TIMEOUT, SqlReader.builtIn(), dialect).lint(List.of(CREATE, revision("a2", change)), Set.of("a2"), false)
                .stream().map(LintFinding::rule).toList();
    }

    @Test
    void mg121TypeChangeThatCopiesTheTable() {
        assertTrue(rules("mariadb", op -> op.alterColumn("tickets", "hits", c -> c.type(ColumnType.BIGINT))).contains("MG121"));
        // 40 -> 100 characters: 160 bytes (utf8mb4) to 400, the length prefix grows from 1 to 2 bytes: the table is copied
        assertTrue(rules("mariadb", op -> {
            op.alterColumn("tickets", "code", c -> c.type(ColumnType.varchar(40)));
            op.alterColumn("tickets", "code", c -> c.type(ColumnType.varchar(100)));
        }).contains("MG121"));
        // 20 -> 100 characters: 80 bytes fit a 1-byte length in either size class, so InnoDB widens it instantly
        assertTrue(!rules("mariadb", op -> op.alterColumn("tickets", "code", c -> c.type(ColumnType.varchar(100)))).contains("MG121"));
        assertTrue(!rules("mariadb", op -> op.alterColumn("tickets", "title", c -> c.type(ColumnType.varchar(200)))).contains("MG121"));
        assertTrue(!rules("mariadb", op -> op.alterColumn("tickets", "code", c -> c.type(ColumnType.varchar(60)))).contains("MG121"));
        // a PostgreSQL-only rule is not reported for MariaDB, and the MariaDB rule not for PostgreSQL
        assertTrue(!rules("mariadb", op -> op.alterColumn("tickets", "hits", c -> c.type(ColumnType.BIGINT))).contains("MG105"));
        assertTrue(!rules("postgresql", op -> op.alterColumn("tickets", "hits", c -> c.type(ColumnType.BIGINT))).contains("MG121"));
    }

    @Test
    void mg109DroppingADatabaseDropsItsTables() {
        assertTrue(rules("mariadb", op -> op.dropSchema("audit")).contains("MG109"), "DROP DATABASE drops its tables");
        assertTrue(!rules("postgresql", op -> op.dropSchema("audit")).contains("MG109"), "PostgreSQL refuses a schema in use");
        assertTrue(!rules("mariadb", op -> {
            op.createSchema("audit");
            op.dropSchema("audit");
        }).contains("MG109"), "a schema the same revision created holds nothing yet");
        List<LintFinding> findings = new Linter(TIMEOUT, SqlReader.builtIn(), "mariadb").lint(List.of(CREATE,
                revision("a2", op -> op.dropSchema("audit"))), Set.of("a2"), false);
        assertEquals("WARNING [MG109] a2 Reva2: dropping schema audit is DROP DATABASE here: every table in it and its data"
                + " go with it; move or drop its tables in revisions of their own first (docs/LINT.md#mg109)",
                findings.get(0).line());
    }

    @Test
    void mg121Message() {
        List<LintFinding> findings = new Linter(TIMEOUT, SqlReader.builtIn(), "mariadb").lint(List.of(CREATE,
                revision("a2", op -> op.alterColumn("tickets", "hits", c -> c.type(ColumnType.BIGINT)))), Set.of("a2"), false);
        assertEquals("ERROR [MG121] a2 Reva2: changing tickets.hits from integer to bigint is not in-place in MariaDB:"
                + " ALTER TABLE copies tickets (ALGORITHM=COPY) and blocks writes for the whole copy; add a new column,"
                + " backfill it with batchedUpdate, switch the application, then drop the old one (only widening a"
                + " VARCHAR within its length-byte size, or from at most 127 bytes, and appending values to an ENUM are"
                + " in-place) (docs/LINT.md#mg121)",
                findings.get(0).line());
    }

    @Test
    void mg122ChangesThatRebuildTheTable() {
        assertTrue(rules("mariadb", op -> op.alterColumn("tickets", "title", c -> c.notNull())).contains("MG122"));
        assertTrue(rules("mariadb", op -> op.addPrimaryKey("pk_tickets", "tickets", "id")).contains("MG122"));
        assertTrue(rules("mariadb", op -> op.addPrimaryKey("pk_tickets", "tickets", List.of("id"),
                k -> k.usingIndex("ix_tickets_id"))).contains("MG122"), "InnoDB rebuilds the table for a new primary key");
        assertTrue(!rules("mariadb", op -> op.addUnique("uq_code", "tickets", List.of("code"),
                k -> k.usingIndex("ix_code"))).contains("MG122"));
        assertTrue(rules("mariadb", op -> op.addColumn("tickets", "seq", ColumnType.BIGINT, c -> c.identity())).contains("MG122"));
        assertTrue(!rules("mariadb", op -> op.alterColumn("tickets", "title", c -> c.nullable())).contains("MG122"));
        assertTrue(!rules("mariadb", op -> op.addColumn("tickets", "note", ColumnType.TEXT)).contains("MG122"));
        assertTrue(!rules("mariadb", op -> op.addUnique("uq_code", "tickets", "code")).contains("MG122"));
        // on a table the same revision creates nothing is rebuilt that holds rows
        assertTrue(new Linter(TIMEOUT, SqlReader.builtIn(), "mariadb").lint(List.of(revision("b1", op -> {
            op.createTable("drafts", t -> t.column("title", ColumnType.TEXT));
            op.alterColumn("drafts", "title", c -> c.notNull());
        }))).isEmpty());
    }

    @Test
    void postgresOnlyRulesStayQuietOnMariaDb() {
        assertEquals(List.of(), rules("mariadb", op -> op.createIndex("ix_title", "tickets", "title")));
        assertTrue(rules("postgresql", op -> op.createIndex("ix_title", "tickets", "title")).contains("MG100"));
        assertTrue(rules("mariadb", op -> op.dropColumn("tickets", "hits")).contains("MG108"));
    }

    /**
     * MODIFY COLUMN restating the column with a new comment changes metadata only: nothing to flag with
     * a lock timeout; without one MG113 asks for it, as the ALTER waits for an exclusive metadata lock.
     */
    @Test
    void aCommentChangeIsFlaggedOnlyForItsMetadataLock() {
        Consumer<Operations> comments = op -> {
            op.alterColumn("tickets", "title", c -> c.comment("What it's about"));
            op.alterColumn("tickets", "code", c -> c.dropComment());
            op.setTableComment("tickets", "Support tickets");
            op.bulkInsert("tickets", List.of("title"), List.of(List.of("first")));
        };
        assertEquals(List.of(), rules("mariadb", comments));
        assertEquals(List.of("MG113"), new Linter(null, SqlReader.builtIn(), "mariadb")
                .lint(List.of(CREATE, revision("a2", comments)), Set.of("a2"), false).stream().map(LintFinding::rule).toList());
        assertEquals(List.of(), new Linter(null, SqlReader.builtIn(), "postgresql")
                .lint(List.of(CREATE, revision("a2", comments)), Set.of("a2"), false).stream().map(LintFinding::rule).toList());
    }
}
