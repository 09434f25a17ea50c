package dev.migrate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Operations;
import dev.migrate.ops.ColumnType;
import dev.migrate.ops.RecordingOperations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue: unsafe migrations and their safe lookalikes, each a small revision with the exact set
 * of rules it must raise (empty: safe). Expectations follow the databases' documented behaviour, and
 * were checked on PostgreSQL 15 (pg_class.relfilenode before and after: a new one is a rewrite) and
 * MariaDB 10.11 (an {@code ALGORITHM=INSTANT|NOCOPY|INPLACE} the server refuses proves a copy); they
 * do not follow what the lint happened to do. PostgreSQL is 11 or later unless a case says otherwise.
 *
 * <p>Every case is linted after {@link #SCHEMA}, an earlier revision that gives the columns their types
 * (so a type change is judged against the old type), with {@code migrate.ddlLockTimeout} set unless a
 * case says otherwise, and with core's built-in SQL reader ({@code migrate-lint-sql}'s
 * {@code LintCatalogueSqlTest} reads the raw SQL forms the built-in reader does not, and its
 * {@code LintCatalogueLiveTest} runs them on the servers, so those expectations are checked in CI).
 */
class LintCatalogueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The existing tables (full of rows in production), created by an earlier revision. */
    private static final LintedRevision SCHEMA = revision("a0", op -> {
        op.createTable("users", t -> t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey()));
        op.createTable("tickets", t -> {
            t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
            t.column("title", ColumnType.TEXT);
            t.column("body", ColumnType.TEXT);
            t.column("status", ColumnType.TEXT);
            t.column("priority", ColumnType.INTEGER);
            t.column("hits", ColumnType.INTEGER);
            t.column("user_id", ColumnType.BIGINT);
            t.column("code", ColumnType.varchar(20));
            t.column("v50", ColumnType.varchar(50));
            t.column("v100", ColumnType.varchar(100));
            t.column("amount", ColumnType.numeric(10, 2));
            t.column("created", ColumnType.TIMESTAMP);
            t.column("note", ColumnType.TEXT);
        });
        op.createTable("events", t -> { // no primary key yet
            t.column("id", ColumnType.BIGINT, c -> c.notNull());
            t.column("payload", ColumnType.TEXT);
        });
    });

    enum Verdict { SAFE, UNSAFE }

    /**
     * @param expected every rule the revision raises, INFO included; a SAFE case raises no WARNING or ERROR
     * @param history  revisions between {@link #SCHEMA} and the linted one (facts only, not reported)
     */
    record Case(String name, String dialect, Duration ddlLockTimeout, List<Consumer<Operations>> history,
            Consumer<Operations> revision, Set<String> expected) {

        Verdict verdict() {
            return expected.stream().map(id -> Rule.find(id).orElseThrow().severity())
                    .anyMatch(s -> s != Severity.INFO) ? Verdict.UNSAFE : Verdict.SAFE;
        }

        @Override
        public String toString() {
            return dialect + ": " + name + " -> " + (expected.isEmpty() ? "none" : new TreeSet<>(expected));
        }
    }

    private static Case pg(String name, Consumer<Operations> revision, String... rules) {
        return new Case(name, "postgresql", TIMEOUT, List.of(), revision, Set.of(rules));
    }

    private static Case pgAfter(String name, Consumer<Operations> before, Consumer<Operations> revision, String... rules) {
        return new Case(name, "postgresql", TIMEOUT, List.of(before), revision, Set.of(rules));
    }

    private static Case pgWithoutLockTimeout(String name, Consumer<Operations> revision, String... rules) {
        return new Case(name, "postgresql", null, List.of(), revision, Set.of(rules));
    }

    private static Case maria(String name, Consumer<Operations> revision, String... rules) {
        return new Case(name, "mariadb", TIMEOUT, List.of(), revision, Set.of(rules));
    }

    static Stream<Case> catalogue() {
        return Stream.of(postgresql(), mariadb()).flatMap(Arrays::stream);
    }

    private static Case[] postgresql() {
        return new Case[] {
            // ---- adding a column
            pg("add a nullable column", op -> op.addColumn("tickets", "label", ColumnType.TEXT)),
            pg("add a NOT NULL column with a constant default (PG 11+: stored in the catalog, no rewrite)",
                    op -> op.addColumn("tickets", "rank", ColumnType.INTEGER, c -> c.notNull().defaultValue(0))),
            pg("add a column with a constant text default",
                    op -> op.addColumn("tickets", "state", ColumnType.TEXT, c -> c.defaultValue("open"))),
            pg("add a column defaulting to now() (stable: evaluated once, no rewrite)",
                    op -> op.addColumn("tickets", "seen_at", ColumnType.TIMESTAMPTZ, c -> c.defaultSql("now()"))),
            pg("add a column defaulting to current_timestamp (stable)",
                    op -> op.addColumn("tickets", "seen_at", ColumnType.TIMESTAMPTZ, c -> c.defaultSql("current_timestamp"))),
            pg("add a column defaulting to clock_timestamp() (volatile: rewrite)",
                    op -> op.addColumn("tickets", "seen_at", ColumnType.TIMESTAMPTZ, c -> c.defaultSql("clock_timestamp()")),
                    "MG106"),
            pg("add a column defaulting to random() (volatile: rewrite)",
                    op -> op.addColumn("tickets", "sample", ColumnType.DOUBLE, c -> c.defaultSql("random()")), "MG106"),
            pg("add a column defaulting to gen_random_uuid() (volatile: rewrite)",
                    op -> op.addColumn("tickets", "token", ColumnType.UUID, c -> c.defaultSql("gen_random_uuid()")), "MG106"),
            pg("add a NOT NULL column defaulting to gen_random_uuid() (volatile: rewrite)",
                    op -> op.addColumn("tickets", "token", ColumnType.UUID, c -> c.notNull().defaultSql("gen_random_uuid()")),
                    "MG106"),
            pg("add a NOT NULL column without a default (fails on the first row)",
                    op -> op.addColumn("tickets", "rank", ColumnType.INTEGER, c -> c.notNull()), "MG107"),
            pg("add an identity column (a value per row: rewrite)",
                    op -> op.addColumn("tickets", "seq", ColumnType.BIGINT, c -> c.identity()), "MG106"),
            pg("add a bigserial column (nextval() per row: rewrite)",
                    op -> op.addColumn("tickets", "seq", ColumnType.sql("bigserial")), "MG106"),
            pg("add a NOT NULL column without a default to a table created in the same revision", op -> {
                op.createTable("labels", t -> t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey()));
                op.addColumn("labels", "name", ColumnType.TEXT, c -> c.notNull());
            }),

            pg("add a column with an inline unique constraint (builds its index under ACCESS EXCLUSIVE)",
                    op -> op.addColumn("tickets", "ref", ColumnType.TEXT, c -> c.unique()), "MG104"),
            pg("add a column, then index it concurrently", op -> {
                op.addColumn("tickets", "label", ColumnType.TEXT);
                op.createIndex("ix_tickets_label", "tickets", List.of("label"), ix -> ix.concurrently());
            }),

            // ---- NOT NULL on an existing column
            pg("SET NOT NULL (full scan under ACCESS EXCLUSIVE)",
                    op -> op.alterColumn("tickets", "priority", c -> c.notNull()), "MG103"),
            pg("safe SET NOT NULL, step 1: CHECK (col IS NOT NULL) NOT VALID",
                    op -> op.addCheck("ck_priority_nn", "tickets", "priority IS NOT NULL", c -> c.notValid())),
            pgAfter("safe SET NOT NULL, step 2: VALIDATE, then SET NOT NULL and drop the check (PG 12+; PG 11 still scans)",
                    op -> op.addCheck("ck_priority_nn", "tickets", "priority IS NOT NULL", c -> c.notValid()), op -> {
                        op.validateConstraint("ck_priority_nn", "tickets");
                        op.alterColumn("tickets", "priority", c -> c.notNull());
                        op.dropConstraint("ck_priority_nn", "tickets");
                    }),
            new Case("SET NOT NULL after a validated CHECK whose AND requires col IS NOT NULL (PG 12+ proves it)", "postgresql", TIMEOUT,
                    List.of(op -> op.addCheck("ck_priority", "tickets", "(priority IS NOT NULL) AND priority BETWEEN 1 AND 5",
                            c -> c.notValid()), op -> op.validateConstraint("ck_priority", "tickets")),
                    op -> op.alterColumn("tickets", "priority", c -> c.notNull()), Set.of()),
            new Case("SET NOT NULL after a validated CHECK (priority > 0), which passes NULL", "postgresql", TIMEOUT,
                    List.of(op -> op.addCheck("ck_priority", "tickets", "priority > 0", c -> c.notValid()),
                            op -> op.validateConstraint("ck_priority", "tickets")),
                    op -> op.alterColumn("tickets", "priority", c -> c.notNull()), Set.of("MG103")),
            pg("CHECK NOT VALID, VALIDATE and SET NOT NULL in one revision (the add's lock is held for the scan)", op -> {
                op.addCheck("ck_priority_nn", "tickets", "priority IS NOT NULL", c -> c.notValid());
                op.validateConstraint("ck_priority_nn", "tickets");
                op.alterColumn("tickets", "priority", c -> c.notNull());
            }, "MG120"),
            pgAfter("SET NOT NULL after a CHECK that was never validated",
                    op -> op.addCheck("ck_priority_nn", "tickets", "priority IS NOT NULL", c -> c.notValid()),
                    op -> op.alterColumn("tickets", "priority", c -> c.notNull()), "MG103"),
            pg("DROP NOT NULL (catalog only)", op -> op.alterColumn("tickets", "title", c -> c.nullable())),

            // ---- indexes
            pg("create an index (SHARE lock blocks writes for the build)",
                    op -> op.createIndex("ix_tickets_status", "tickets", "status"), "MG100"),
            pg("create an index concurrently (run outside the transaction)",
                    op -> op.createIndex("ix_tickets_status", "tickets", List.of("status"), ix -> ix.concurrently())),
            pg("create a unique index without concurrently",
                    op -> op.createIndex("ux_tickets_code", "tickets", List.of("code"), ix -> ix.unique()), "MG100"),
            pg("drop an index (ACCESS EXCLUSIVE)", op -> op.dropIndex("ix_tickets_status", "tickets"), "MG101"),
            pg("drop an index concurrently",
                    op -> op.dropIndex("ix_tickets_status", "tickets", ix -> ix.concurrently())),
            pg("create a table and index it in the same revision (empty table)", op -> {
                op.createTable("labels", t -> {
                    t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                    t.column("name", ColumnType.TEXT);
                });
                op.createIndex("ix_labels_name", "labels", "name");
                op.addUnique("uq_labels_name", "labels", "name");
            }),

            // ---- unique and primary keys
            pg("add a unique constraint (builds its index under ACCESS EXCLUSIVE)",
                    op -> op.addUnique("uq_tickets_code", "tickets", "code"), "MG104"),
            pg("unique index built concurrently, then ADD CONSTRAINT ... USING INDEX", op -> {
                op.createIndex("ux_tickets_code", "tickets", List.of("code"), ix -> ix.unique().concurrently());
                op.addUnique("uq_tickets_code", "tickets", List.of("code"), k -> k.usingIndex("ux_tickets_code"));
            }),
            pg("add a primary key to a big table", op -> op.addPrimaryKey("events_pkey", "events", "id"), "MG104"),
            pg("primary key USING INDEX on a nullable column (sets it NOT NULL: a full scan under ACCESS EXCLUSIVE)", op -> {
                op.createIndex("ux_tickets_code", "tickets", List.of("code"), ix -> ix.unique().concurrently());
                op.addPrimaryKey("tickets_code_pkey", "tickets", List.of("code"), k -> k.usingIndex("ux_tickets_code"));
            }, "MG103"),
            new Case("primary key USING INDEX on a nullable column a validated CHECK (col IS NOT NULL) proves (PG 12+)",
                    "postgresql", TIMEOUT, List.of(
                            op -> op.addCheck("ck_code_nn", "tickets", "code IS NOT NULL", c -> c.notValid()),
                            op -> op.validateConstraint("ck_code_nn", "tickets")), op -> {
                                op.createIndex("ux_tickets_code", "tickets", List.of("code"), ix -> ix.unique().concurrently());
                                op.addPrimaryKey("tickets_code_pkey", "tickets", List.of("code"), k -> k.usingIndex("ux_tickets_code"));
                            }, Set.of()),
            pg("primary key USING INDEX of a concurrently built unique index on a NOT NULL column", op -> {
                op.createIndex("ux_events_id", "events", List.of("id"), ix -> ix.unique().concurrently());
                op.addPrimaryKey("events_pkey", "events", List.of("id"), k -> k.usingIndex("ux_events_id"));
            }),

            // ---- foreign keys and checks
            pg("add a foreign key (SHARE ROW EXCLUSIVE on both tables while every row is checked)",
                    op -> op.addForeignKey("fk_tickets_user", "tickets", List.of("user_id"), "users", List.of("id")), "MG102"),
            pg("add a foreign key NOT VALID",
                    op -> op.addForeignKey("fk_tickets_user", "tickets", List.of("user_id"), "users", List.of("id"),
                            fk -> fk.notValid())),
            pgAfter("validate a foreign key added NOT VALID by an earlier revision",
                    op -> op.addForeignKey("fk_tickets_user", "tickets", List.of("user_id"), "users", List.of("id"),
                            fk -> fk.notValid()),
                    op -> op.validateConstraint("fk_tickets_user", "tickets")),
            pg("foreign key NOT VALID and VALIDATE in one revision", op -> {
                op.addForeignKey("fk_tickets_user", "tickets", List.of("user_id"), "users", List.of("id"), fk -> fk.notValid());
                op.validateConstraint("fk_tickets_user", "tickets");
            }, "MG120"),
            pg("foreign key NOT VALID, VALIDATE in its own transaction", op -> {
                op.addForeignKey("fk_tickets_user", "tickets", List.of("user_id"), "users", List.of("id"), fk -> fk.notValid());
                op.validateConstraint("fk_tickets_user", "tickets", v -> v.inOwnTransaction());
            }),
            pg("foreign key from a table created in the same revision to an existing one", op -> {
                op.createTable("comments", t -> {
                    t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                    t.column("ticket_id", ColumnType.BIGINT);
                });
                op.addForeignKey("fk_comments_ticket", "comments", List.of("ticket_id"), "tickets", List.of("id"));
            }),
            pg("foreign key from an existing table to one created in the same revision (scans the existing rows)", op -> {
                op.createTable("queues", t -> t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey()));
                op.addForeignKey("fk_tickets_queue", "tickets", List.of("priority"), "queues", List.of("id"));
            }, "MG102"),
            pg("add a check constraint (ACCESS EXCLUSIVE while every row is checked)",
                    op -> op.addCheck("ck_hits", "tickets", "hits >= 0"), "MG102"),
            pg("add a check constraint NOT VALID", op -> op.addCheck("ck_hits", "tickets", "hits >= 0", c -> c.notValid())),

            // ---- type changes (binary-coercible ones keep the files: checked with relfilenode)
            pg("varchar(50) -> varchar(100) (no rewrite)",
                    op -> op.alterColumn("tickets", "v50", c -> c.type(ColumnType.varchar(100))), "MG117"),
            pg("varchar(100) -> text (no rewrite)", op -> op.alterColumn("tickets", "v100", c -> c.type(ColumnType.TEXT))),
            pg("varchar(100) -> varchar without a limit (no rewrite)",
                    op -> op.alterColumn("tickets", "v100", c -> c.type(ColumnType.sql("varchar")))),
            pg("text -> varchar(200) (rewrite)",
                    op -> op.alterColumn("tickets", "body", c -> c.type(ColumnType.varchar(200))), "MG105", "MG117"),
            pg("varchar(100) -> varchar(50) (rewrite)",
                    op -> op.alterColumn("tickets", "v100", c -> c.type(ColumnType.varchar(50))), "MG105", "MG117"),
            pg("integer -> bigint (rewrite)", op -> op.alterColumn("tickets", "hits", c -> c.type(ColumnType.BIGINT)), "MG105"),
            pg("numeric(10,2) -> numeric(12,2) (no rewrite)",
                    op -> op.alterColumn("tickets", "amount", c -> c.type(ColumnType.numeric(12, 2)))),
            pg("numeric(10,2) -> numeric without a limit (no rewrite)",
                    op -> op.alterColumn("tickets", "amount", c -> c.type(ColumnType.sql("numeric")))),
            pg("numeric(10,2) -> numeric(10,3) (rewrite)",
                    op -> op.alterColumn("tickets", "amount", c -> c.type(ColumnType.numeric(10, 3))), "MG105"),
            pg("timestamp -> timestamptz (rewrite, unless PG 12+ runs it in a UTC session)",
                    op -> op.alterColumn("tickets", "created", c -> c.type(ColumnType.TIMESTAMPTZ)), "MG105"),

            pg("create a table with a foreign key to an existing table (brief lock, nothing to check)",
                    op -> op.createTable("comments", t -> {
                        t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                        t.column("ticket_id", ColumnType.BIGINT);
                        t.foreignKey("ticket_id").references("tickets", "id").name("fk_comments_ticket");
                    })),
            pg("drop a constraint (brief ACCESS EXCLUSIVE, no scan)", op -> op.dropConstraint("ck_hits", "tickets")),
            pg("drop the primary key (drops its index, no rewrite)", op -> op.dropConstraint("tickets_pkey", "tickets")),

            // ---- data loss and renames
            pg("drop a column", op -> op.dropColumn("tickets", "note"), "MG108"),
            pg("drop a table", op -> op.dropTable("events"), "MG109"),
            pg("drop a table created in the same revision", op -> {
                op.createTable("scratch", t -> t.column("id", ColumnType.BIGINT));
                op.dropTable("scratch");
            }),
            pg("truncate a table", op -> op.execute("TRUNCATE events"), "MG125"),
            pg("drop a column of a table created in the same revision", op -> {
                op.createTable("scratch", t -> {
                    t.column("id", ColumnType.BIGINT);
                    t.column("note", ColumnType.TEXT);
                });
                op.dropColumn("scratch", "note");
            }),
            pg("rename a column", op -> op.renameColumn("tickets", "title", "subject"), "MG110"),
            pg("drop a column the same revision added to an existing table (no data, no reader yet)", op -> {
                op.addColumn("tickets", "label", ColumnType.TEXT);
                op.dropColumn("tickets", "label");
            }),
            pg("rename a column the same revision added, then drop it by its new name", op -> {
                op.addColumn("tickets", "label", ColumnType.TEXT);
                op.renameColumn("tickets", "label", "tag");
                op.dropColumn("tickets", "tag");
            }),
            pg("add a column, drop it, then drop it again by the old name's neighbour (an existing column still counts)", op -> {
                op.addColumn("tickets", "label", ColumnType.TEXT);
                op.dropColumn("tickets", "label");
                op.dropColumn("tickets", "note");
            }, "MG108"),
            pg("add a column with a text default that names a volatile function (a constant)",
                    op -> op.addColumn("tickets", "hint", ColumnType.TEXT, c -> c.defaultSql("'call random() later'"))),
            pg("rename a table", op -> op.renameTable("events", "audit_events"), "MG111"),

            // ---- data changes
            pg("UPDATE every row of a table in one statement",
                    op -> op.execute("UPDATE tickets SET status = 'open'"), "MG125"),
            pg("DELETE every row of a table in one statement", op -> op.execute("DELETE FROM events"), "MG125"),
            pg("UPDATE with a WHERE clause", op -> op.execute("UPDATE tickets SET status = 'open' WHERE id = 42")),
            pg("UPDATE with a WHERE that holds for every row", op -> op.execute("UPDATE tickets SET status = 'open' WHERE 1 = 1"), "MG125"),
            pg("batchedUpdate over the whole table",
                    op -> op.batchedUpdate("tickets", "status = 'open'", "status IS NULL", 1_000)),
            pg("add a column, then UPDATE it in the same revision", op -> {
                op.addColumn("tickets", "label", ColumnType.TEXT);
                op.execute("UPDATE tickets SET label = title WHERE label IS NULL");
            }, "MG112"),
            pg("add a column, then batchedUpdate it", op -> {
                op.addColumn("tickets", "label", ColumnType.TEXT);
                op.batchedUpdate("tickets", "label = title", "label IS NULL", 1_000);
            }),
            pg("bulkInsert rows into an existing table (no DDL beside it)",
                    op -> op.bulkInsert("events", List.of("id"), List.of(List.of(1L), List.of(2L)))),
            pg("fill a table created in the same revision", op -> {
                op.createTable("labels", t -> t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey()));
                op.execute("INSERT INTO labels (id) VALUES (1)");
                op.execute("UPDATE labels SET id = 2");
            }),

            // ---- metadata only
            pg("set a default on an existing column", op -> op.alterColumn("tickets", "status", c -> c.defaultValue("open"))),
            pg("drop a default", op -> op.alterColumn("tickets", "status", c -> c.dropDefault())),
            pg("table and column comments", op -> {
                op.setTableComment("tickets", "support tickets");
                op.alterColumn("tickets", "title", c -> c.comment("what the requester typed"));
                op.dropTableComment("events");
            }),
            pg("create and alter a sequence", op -> {
                op.createSequence("ticket_no");
                op.alterSequence("ticket_no", s -> s.incrementBy(10));
            }),

            // ---- the same through execute(sql), as the built-in reader reads it
            pg("SQL: CREATE INDEX", op -> op.execute("CREATE INDEX ix_tickets_status ON tickets (status)"), "MG100"),
            pg("SQL: CREATE INDEX CONCURRENTLY (fails: execute runs in the revision's transaction)",
                    op -> op.execute("CREATE INDEX CONCURRENTLY ix_tickets_status ON tickets (status)"), "MG126"),
            pg("SQL: DROP INDEX", op -> op.execute("DROP INDEX ix_tickets_status"), "MG101"),
            pg("SQL: DROP INDEX CONCURRENTLY (fails in the revision's transaction)",
                    op -> op.execute("DROP INDEX CONCURRENTLY ix_tickets_status"), "MG126"),
            pg("SQL: ADD FOREIGN KEY", op -> op.execute(
                    "ALTER TABLE tickets ADD CONSTRAINT fk_tickets_user FOREIGN KEY (user_id) REFERENCES users (id)"), "MG102"),
            pg("SQL: ADD FOREIGN KEY NOT VALID", op -> op.execute(
                    "ALTER TABLE tickets ADD CONSTRAINT fk_tickets_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID")),
            pg("SQL: ADD CHECK", op -> op.execute("ALTER TABLE tickets ADD CONSTRAINT ck_hits CHECK (hits >= 0)"), "MG102"),
            pg("SQL: SET NOT NULL", op -> op.execute("ALTER TABLE tickets ALTER COLUMN priority SET NOT NULL"), "MG103"),
            pg("SQL: ADD UNIQUE", op -> op.execute("ALTER TABLE tickets ADD CONSTRAINT uq_tickets_code UNIQUE (code)"), "MG104"),
            pg("SQL: ADD UNIQUE USING INDEX", op -> op.execute(
                    "ALTER TABLE tickets ADD CONSTRAINT uq_tickets_code UNIQUE USING INDEX ux_tickets_code")),
            pg("SQL: DROP TABLE", op -> op.execute("DROP TABLE events"), "MG109"),
            pg("SQL: DROP COLUMN", op -> op.execute("ALTER TABLE tickets DROP COLUMN note"), "MG108"),
            pg("SQL: RENAME COLUMN", op -> op.execute("ALTER TABLE tickets RENAME COLUMN title TO subject"), "MG110"),
            pg("SQL: COMMENT ON", op -> op.execute("COMMENT ON TABLE tickets IS 'support tickets'")),
            pg("SQL: DROP TABLE public.scratch of a table created (unqualified) in the same revision", op -> {
                op.createTable("scratch", t -> t.column("id", ColumnType.BIGINT));
                op.execute("DROP TABLE public.scratch");
            }),
            pg("SQL: CREATE TABLE IF NOT EXISTS of an existing table (a no-op), then an index on it", op -> {
                op.execute("CREATE TABLE IF NOT EXISTS tickets (id bigint)");
                op.createIndex("ix_tickets_status", "tickets", "status");
            }, "MG100"),

            // ---- migrate.ddlLockTimeout
            pgWithoutLockTimeout("add a nullable column without migrate.ddlLockTimeout",
                    op -> op.addColumn("tickets", "label", ColumnType.TEXT), "MG113"),
            pgWithoutLockTimeout("drop a table without migrate.ddlLockTimeout",
                    op -> op.dropTable("events"), "MG109", "MG113"),
            pgWithoutLockTimeout("create an index concurrently without migrate.ddlLockTimeout (no ACCESS EXCLUSIVE)",
                    op -> op.createIndex("ix_tickets_status", "tickets", List.of("status"), ix -> ix.concurrently())),
        };
    }

    private static Case[] mariadb() {
        return new Case[] {
            maria("add a column (INSTANT since 10.3)", op -> op.addColumn("tickets", "label", ColumnType.TEXT)),
            maria("add a NOT NULL column without a default (INSTANT; rows get the type's implicit default)",
                    op -> op.addColumn("tickets", "rank", ColumnType.INTEGER, c -> c.notNull())),
            maria("add a column defaulting to CURRENT_TIMESTAMP (INSTANT)",
                    op -> op.addColumn("tickets", "seen_at", ColumnType.TIMESTAMPTZ, c -> c.defaultSql("CURRENT_TIMESTAMP"))),
            maria("add a column defaulting to uuid() (COPY)",
                    op -> op.addColumn("tickets", "token", ColumnType.sql("char(36)"), c -> c.defaultSql("uuid()")), "MG124"),
            maria("add an AUTO_INCREMENT column (table rebuild)",
                    op -> op.addColumn("tickets", "seq", ColumnType.BIGINT, c -> c.identity()), "MG122", "MG130"),
            maria("change integer -> bigint (COPY)", op -> op.alterColumn("tickets", "hits", c -> c.type(ColumnType.BIGINT)), "MG121"),
            maria("widen varchar(20) -> varchar(60) within 255 bytes (INSTANT)",
                    op -> op.alterColumn("tickets", "code", c -> c.type(ColumnType.varchar(60)))),
            maria("widen varchar(100) -> varchar(200) beyond 255 bytes both (INSTANT)",
                    op -> op.alterColumn("tickets", "v100", c -> c.type(ColumnType.varchar(200)))),
            maria("widen varchar(50) -> varchar(100) across 255 bytes (COPY)",
                    op -> op.alterColumn("tickets", "v50", c -> c.type(ColumnType.varchar(100))), "MG121"),
            maria("widen varchar(20) -> varchar(100) from at most 127 bytes (INSTANT: short values keep a 1-byte length)",
                    op -> op.alterColumn("tickets", "code", c -> c.type(ColumnType.varchar(100)))),
            maria("narrow varchar(100) -> varchar(50) (COPY)",
                    op -> op.alterColumn("tickets", "v100", c -> c.type(ColumnType.varchar(50))), "MG121"),
            maria("numeric(10,2) -> numeric(12,2) (COPY in MariaDB)",
                    op -> op.alterColumn("tickets", "amount", c -> c.type(ColumnType.numeric(12, 2))), "MG121"),
            maria("SET NOT NULL (INPLACE rebuild)", op -> op.alterColumn("tickets", "priority", c -> c.notNull()), "MG122"),
            maria("create an index (NOCOPY, LOCK=NONE)", op -> op.createIndex("ix_tickets_status", "tickets", "status")),
            maria("drop an index (NOCOPY)", op -> op.dropIndex("ix_tickets_status", "tickets")),
            maria("add a unique constraint (NOCOPY, LOCK=NONE)", op -> op.addUnique("uq_tickets_code", "tickets", "code")),
            maria("add a foreign key (COPY while foreign_key_checks is on)",
                    op -> op.addForeignKey("fk_tickets_user", "tickets", List.of("user_id"), "users", List.of("id")), "MG124"),
            maria("add a foreign key NOT VALID (MariaDB has no NOT VALID: still COPY)",
                    op -> op.addForeignKey("fk_tickets_user", "tickets", List.of("user_id"), "users", List.of("id"),
                            fk -> fk.notValid()), "MG124"),
            maria("add a check constraint (COPY)", op -> op.addCheck("ck_hits", "tickets", "hits >= 0"), "MG124"),
            maria("foreign key from a table created in the same revision", op -> {
                op.createTable("comments", t -> {
                    t.column("id", ColumnType.BIGINT, c -> c.identity().primaryKey());
                    t.column("ticket_id", ColumnType.BIGINT);
                });
                op.addForeignKey("fk_comments_ticket", "comments", List.of("ticket_id"), "tickets", List.of("id"));
            }),
            maria("add a primary key (INPLACE rebuild)", op -> op.addPrimaryKey("events_pkey", "events", "id"), "MG122"),
            maria("drop the primary key (COPY: InnoDB clusters the rows by it)",
                    op -> op.dropConstraint("tickets_pkey", "tickets"), "MG124"),
            maria("drop a check constraint (INSTANT)", op -> op.dropConstraint("ck_hits", "tickets")),
            maria("drop a column", op -> op.dropColumn("tickets", "note"), "MG108"),
            maria("rename a column", op -> op.renameColumn("tickets", "title", "subject"), "MG110"),
            maria("drop a table", op -> op.dropTable("events"), "MG109"),
            maria("truncate a table", op -> op.execute("TRUNCATE TABLE events"), "MG125"),
            maria("DELETE every row in one statement", op -> op.execute("DELETE FROM events"), "MG125"),
            maria("DELETE one batch (LIMIT)", op -> op.execute("DELETE FROM events ORDER BY id LIMIT 1000")),
            maria("SQL with MariaDB's backquoted names: DROP TABLE `events`", op -> op.execute("DROP TABLE `events`"), "MG109"),
            maria("SQL with backquoted names: a table created in the same revision, dropped", op -> {
                op.createTable("scratch", t -> t.column("id", ColumnType.BIGINT));
                op.execute("DROP TABLE `scratch`");
            }),
            maria("dropSchema is DROP DATABASE", op -> op.dropSchema("audit"), "MG109"),
            maria("dropSchema of a schema created in the same revision", op -> {
                op.createSchema("audit");
                op.dropSchema("audit");
            }),
            maria("set a default (INSTANT)", op -> op.alterColumn("tickets", "status", c -> c.defaultValue("open"))),
            maria("table comment (INSTANT)", op -> op.setTableComment("tickets", "support tickets")),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void raisesExactlyItsRules(Case c) {
        List<LintedRevision> history = new java.util.ArrayList<>(List.of(SCHEMA));
        for (int i = 0; i < c.history().size(); i++) {
            history.add(revision("h" + i, c.history().get(i)));
        }
        LintedRevision linted = revision("a1", c.revision());
        history.add(linted);
        List<LintFinding> findings = new Linter(c.ddlLockTimeout(), SqlReader.builtIn(), c.dialect())
                .lint(history, Set.of(linted.id()), false);
        assertEquals(new TreeSet<>(c.expected()), findings.stream().map(LintFinding::rule).collect(Collectors.toCollection(TreeSet::new)),
                () -> findings.stream().map(LintFinding::line).collect(Collectors.joining("\n")));
    }

    @Test
    void theCatalogueCoversBothVerdictsOnBothDatabases() {
        List<Case> cases = catalogue().toList();
        assertTrue(cases.size() >= 100, "cases: " + cases.size());
        for (String dialect : List.of("postgresql", "mariadb")) {
            for (Verdict verdict : Verdict.values()) {
                assertTrue(cases.stream().filter(c -> c.dialect().equals(dialect)).filter(c -> c.verdict() == verdict).count() >= 10,
                        dialect + " " + verdict);
            }
        }
    }

    private static LintedRevision revision(String id, Consumer<Operations> upgrade) {
        RecordingOperations recorder = new RecordingOperations();
        upgrade.accept(recorder);
        return new LintedRevision(id, "Rev" + id, recorder.operations(), List.of());
    }
}
