package dev.migrate.lint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.ops.RecordingOperations;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintedRevision;
import dev.migrate.lint.Linter;
import dev.migrate.lint.SqlFact;
import dev.migrate.lint.SqlReader;
import dev.migrate.ops.ColumnType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Per statement form: a statement the typed rules must flag and a safe lookalike they must not,
 * read by JSqlParser. Tables the statement does not create exist (each revision judged alone).
 */
class JSqlParserReaderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final SqlReader reader = new JSqlParserReader();

    private LintedRevision revision(String id, String... sql) {
        RecordingOperations recorder = new RecordingOperations();
        for (String statement : sql) {
            recorder.execute(statement);
        }
        return new LintedRevision(id, "Rev" + id, recorder.operations(), List.of());
    }

    private List<LintFinding> findings(String... sql) {
        return new Linter(TIMEOUT, reader).lint(List.of(revision("a1", sql)));
    }

    private List<String> rules(String... sql) {
        return findings(sql).stream().map(LintFinding::rule).toList();
    }

    private void flagged(String rule, String... sql) {
        List<String> rules = rules(sql);
        assertTrue(rules.contains(rule), "expected " + rule + " in " + rules + " for " + List.of(sql));
        assertTrue(!rules.contains("MG118"), "expected the statement to be read: " + findings(sql));
    }

    private void safe(String rule, String... sql) {
        List<String> rules = rules(sql);
        assertTrue(!rules.contains(rule), "did not expect " + rule + " in " + rules + " for " + List.of(sql));
        assertTrue(!rules.contains("MG118"), "expected the statement to be read: " + findings(sql));
    }

    @Test
    void theServiceLoaderFindsTheParser() {
        assertInstanceOf(JSqlParserReader.class, SqlReader.discovered());
    }

    @Test
    void createIndex() {
        flagged("MG100", "CREATE INDEX ix_title ON tickets (title)");
        flagged("MG100", "CREATE UNIQUE INDEX ix_title ON public.tickets USING btree (lower(title))");
        safe("MG100", "CREATE INDEX CONCURRENTLY ix_title ON tickets (title)");
        safe("MG100", "create unique index concurrently if not exists ix_title on tickets (title)");
        safe("MG100", "CREATE TABLE tickets (id bigint, title text); CREATE INDEX ix_title ON tickets (title)");
    }

    @Test
    void dropIndex() {
        flagged("MG101", "DROP INDEX ix_title");
        flagged("MG101", "DROP INDEX IF EXISTS ix_title");
        safe("MG101", "DROP INDEX CONCURRENTLY ix_title");
    }

    @Test
    void addColumn() {
        flagged("MG107", "ALTER TABLE tickets ADD COLUMN priority int NOT NULL");
        safe("MG107", "ALTER TABLE tickets ADD COLUMN priority int NOT NULL DEFAULT 0");
        flagged("MG106", "ALTER TABLE tickets ADD COLUMN token uuid DEFAULT gen_random_uuid()");
        safe("MG106", "ALTER TABLE tickets ADD COLUMN created timestamptz DEFAULT now()");
    }

    @Test
    void dropColumn() {
        flagged("MG108", "ALTER TABLE tickets DROP COLUMN note");
        flagged("MG108", "ALTER TABLE \"Tickets\" DROP COLUMN IF EXISTS \"Note\"");
        safe("MG108", "ALTER TABLE tickets DROP CONSTRAINT note_check");
    }

    @Test
    void alterColumnType() {
        flagged("MG105", "ALTER TABLE tickets ALTER COLUMN title TYPE bigint");
        flagged("MG105", "ALTER TABLE tickets ALTER COLUMN title SET DATA TYPE bigint");
        // varchar widening is binary-coercible: judged against the type an earlier revision gave the column
        RecordingOperations earlier = new RecordingOperations();
        earlier.createTable("tickets", t -> t.column("title", ColumnType.varchar(100)));
        LintedRevision created = new LintedRevision("a0", "Rev0", earlier.operations(), List.of());
        List<String> widened = new Linter(TIMEOUT, reader).lint(List.of(created,
                revision("a1", "ALTER TABLE tickets ALTER COLUMN title TYPE varchar(200)")), Set.of("a1"), false)
                .stream().map(LintFinding::rule).toList();
        assertTrue(!widened.contains("MG105") && !widened.contains("MG118"), widened.toString());
        List<String> narrowed = new Linter(TIMEOUT, reader).lint(List.of(created,
                revision("a1", "ALTER TABLE tickets ALTER COLUMN title TYPE varchar(50)")), Set.of("a1"), false)
                .stream().map(LintFinding::rule).toList();
        assertTrue(narrowed.contains("MG105"), narrowed.toString());
    }

    @Test
    void setNotNull() {
        flagged("MG103", "ALTER TABLE tickets ALTER COLUMN priority SET NOT NULL");
        safe("MG103", "ALTER TABLE tickets ALTER COLUMN priority DROP NOT NULL");
        safe("MG105", "ALTER TABLE tickets ALTER COLUMN priority SET NOT NULL");
        // a validated CHECK (priority IS NOT NULL) from an earlier revision makes SET NOT NULL skip its scan
        List<String> rules = new Linter(TIMEOUT, reader).lint(List.of(
                revision("a0", "ALTER TABLE tickets ADD CONSTRAINT ck_priority CHECK (priority IS NOT NULL) NOT VALID"),
                revision("a1", "ALTER TABLE tickets VALIDATE CONSTRAINT ck_priority"),
                revision("a2", "ALTER TABLE tickets ALTER COLUMN priority SET NOT NULL")), Set.of("a2"), false)
                .stream().map(LintFinding::rule).toList();
        assertTrue(!rules.contains("MG103") && !rules.contains("MG118"), rules.toString());
    }

    @Test
    void addForeignKeyAndCheck() {
        flagged("MG102", "ALTER TABLE tickets ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id)");
        safe("MG102", "ALTER TABLE tickets ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID");
        flagged("MG102", "ALTER TABLE tickets ADD CONSTRAINT ck_priority CHECK (priority > 0)");
        safe("MG102", "ALTER TABLE tickets ADD CONSTRAINT ck_priority CHECK (priority > 0) NOT VALID");
        flagged("MG120", "ALTER TABLE tickets ADD CONSTRAINT ck_priority CHECK (priority > 0) NOT VALID;"
                + " ALTER TABLE tickets VALIDATE CONSTRAINT ck_priority");
        safe("MG120", "ALTER TABLE tickets VALIDATE CONSTRAINT ck_priority");
    }

    @Test
    void addUniqueOrPrimaryKey() {
        flagged("MG104", "ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE (email)");
        flagged("MG104", "ALTER TABLE users ADD PRIMARY KEY (id)");
        safe("MG104", "ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE USING INDEX uq_email_ix");
        safe("MG104", "ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_ix");
    }

    @Test
    void dropTable() {
        flagged("MG109", "DROP TABLE tickets");
        flagged("MG109", "DROP TABLE IF EXISTS public.tickets CASCADE");
        safe("MG109", "DROP VIEW open_tickets");
        safe("MG109", "CREATE TABLE scratch (id bigint); DROP TABLE scratch");
    }

    @Test
    void renames() {
        flagged("MG110", "ALTER TABLE tickets RENAME COLUMN title TO subject");
        safe("MG110", "CREATE TABLE drafts (title text); ALTER TABLE drafts RENAME COLUMN title TO subject");
        flagged("MG111", "ALTER TABLE tickets RENAME TO issues");
        safe("MG111", "CREATE TABLE drafts (title text); ALTER TABLE drafts RENAME TO notes");
    }

    @Test
    void dataChangeNextToDdl() {
        flagged("MG112", "ALTER TABLE tickets DROP CONSTRAINT ck_status", "UPDATE tickets SET status = 'open' WHERE status IS NULL");
        flagged("MG112", "ALTER TABLE tickets DROP CONSTRAINT ck_status; DELETE FROM tickets WHERE status = 'x'");
        safe("MG112", "ALTER TABLE tickets DROP CONSTRAINT ck_status", "UPDATE users SET name = 'x'");
        safe("MG112", "INSERT INTO tickets (title) VALUES ('first')");
    }

    @Test
    void keywordsInsideLiteralsAreNotLifted() {
        Optional<List<SqlFact>> facts = reader.read("UPDATE tickets SET note = 'CREATE INDEX CONCURRENTLY x NOT VALID'");
        assertEquals(Optional.of(List.of(new SqlFact.Dml("tickets", true), new SqlFact.StatementEnd())), facts); // no WHERE: every row
    }

    @Test
    void whatItCannotReadIsNotLinted() {
        List<LintFinding> findings = findings("ALTER TABLE tickets DETACH PARTITION tickets_2024 CONCURRENTLY FINALIZE");
        assertEquals(List.of("MG118"), findings.stream().map(LintFinding::rule).toList());
        assertEquals("the statement \"ALTER TABLE tickets DETACH PARTITION tickets_2024 CONCURR...\" was not"
                + " linted (JSqlParser does not understand its form); review its locks by hand or use a typed operation",
                findings.get(0).message());
        assertEquals(List.of("MG118"), rules("ALTER DOMAIN positive DROP CONSTRAINT ck_positive"));
        assertEquals(List.of("MG118"), rules("this is not SQL"));
        // one statement it cannot read makes the whole text not linted, not half linted
        assertEquals(List.of("MG118"), rules("CREATE INDEX CONCURRENTLY ix ON t (a); ALTER TABLE tickets DETACH PARTITION p"
                + " CONCURRENTLY FINALIZE"));
        // also when the other statement is one of the fixed forms read without JSqlParser
        assertEquals(List.of("MG118"), rules("VACUUM tickets; ALTER TABLE tickets DETACH PARTITION p CONCURRENTLY FINALIZE"));
        // a function body's statements do not run now: the text is not split at their semicolons, and not linted
        assertEquals(List.of("MG118"), rules("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN UPDATE tickets SET a = 1;"
                + " RETURN NEW; END $$ LANGUAGE plpgsql"));
    }

    @Test
    void harmlessStatementsSayNothing() {
        assertEquals(List.of(), rules("COMMENT ON TABLE tickets IS 'support tickets'"));
        assertEquals(List.of(), rules("CREATE OR REPLACE VIEW open_tickets AS SELECT * FROM tickets WHERE closed IS NULL"));
        assertEquals(List.of(), rules("SELECT 1"));
        assertEquals(List.of(), rules("ALTER SEQUENCE ticket_seq INCREMENT BY 20 START WITH 100"));
    }

    private List<String> mariadb(String sql) {
        RecordingOperations earlier = new RecordingOperations();
        earlier.createTable("tickets", t -> {
            t.column("id", ColumnType.BIGINT);
            t.column("title", ColumnType.varchar(100));
            t.column("hits", ColumnType.INTEGER);
        });
        return new Linter(TIMEOUT, reader, "mariadb").lint(List.of(new LintedRevision("a0", "Rev0", earlier.operations(), List.of()),
                revision("a1", sql)), Set.of("a1"), false).stream().map(LintFinding::rule).toList();
    }

    @Test
    void mariadbAlgorithmEligibility() {
        List<String> safe = mariadb("ALTER TABLE tickets ADD COLUMN note text, ALGORITHM=INSTANT");
        assertTrue(!safe.contains("MG123") && !safe.contains("MG118"), safe.toString());
        assertTrue(!mariadb("ALTER TABLE tickets DROP COLUMN hits, ALGORITHM=INSTANT").contains("MG123"));
        assertTrue(!mariadb("ALTER TABLE tickets MODIFY COLUMN title varchar(200), ALGORITHM=INSTANT").contains("MG123"));
        assertTrue(mariadb("ALTER TABLE tickets MODIFY COLUMN hits bigint, ALGORITHM=INSTANT").contains("MG123"));
        assertTrue(mariadb("ALTER TABLE tickets MODIFY COLUMN hits bigint, ALGORITHM=INPLACE").contains("MG123"));
        assertTrue(!mariadb("ALTER TABLE tickets MODIFY COLUMN hits bigint, ALGORITHM=COPY").contains("MG123"));
        assertTrue(mariadb("ALTER TABLE tickets ADD PRIMARY KEY (id), ALGORITHM=INSTANT").contains("MG123"));
        assertTrue(!mariadb("ALTER TABLE tickets ADD PRIMARY KEY (id), ALGORITHM=INPLACE").contains("MG123"));
    }

    @Test
    void mariadbCopyAndRebuildFromSql() {
        assertTrue(mariadb("ALTER TABLE tickets MODIFY COLUMN hits bigint").contains("MG121"));
        assertTrue(!mariadb("ALTER TABLE tickets MODIFY COLUMN title varchar(200)").contains("MG121"));
        assertTrue(mariadb("ALTER TABLE tickets MODIFY COLUMN title varchar(100) NOT NULL").contains("MG122"));
        assertTrue(!mariadb("ALTER TABLE tickets MODIFY COLUMN title varchar(100)").contains("MG122"));
        assertTrue(mariadb("ALTER TABLE tickets ADD PRIMARY KEY (id)").contains("MG122"));
        assertTrue(!mariadb("ALTER TABLE tickets ADD UNIQUE KEY uq_title (title)").contains("MG122"));
    }
}
