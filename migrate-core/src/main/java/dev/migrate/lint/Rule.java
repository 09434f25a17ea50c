package dev.migrate.lint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The lint catalogue: rules for PostgreSQL, for MariaDB/MySQL and for both ({@link #applies()}). Ids are stable (users name them in {@code @AllowUnsafe} and
 * in CI logs): a retired rule keeps its number, a new rule takes the next one. Each is documented
 * in {@code docs/LINT.md#<id in lower case>} with its lock, its danger and the safe rewrite.
 */
public enum Rule {
    MG100(Severity.ERROR, "index created without concurrently() on an existing table"),
    MG101(Severity.WARNING, "index dropped without concurrently()"),
    MG102(Severity.ERROR, "foreign key or check added without NOT VALID on an existing table"),
    MG103(Severity.WARNING, "SET NOT NULL without a validated CHECK (col IS NOT NULL)"),
    MG104(Severity.ERROR, "unique or primary key added without an index built concurrently first"),
    MG105(Severity.ERROR, "column type change that rewrites the table"),
    MG106(Severity.ERROR, "column added with a volatile default, as identity or as a stored generated column to an existing table"),
    MG107(Severity.ERROR, "NOT NULL column without a default added to an existing table"),
    MG108(Severity.WARNING, "column dropped", Applies.BOTH),
    MG109(Severity.WARNING, "table dropped", Applies.BOTH),
    MG110(Severity.WARNING, "column renamed", Applies.BOTH),
    MG111(Severity.WARNING, "table renamed", Applies.BOTH),
    MG112(Severity.WARNING, "data changed in the same revision as DDL on the same table", Applies.BOTH),
    MG113(Severity.WARNING, "ACCESS EXCLUSIVE lock taken without migrate.ddlLockTimeout", Applies.BOTH),
    MG114(Severity.ERROR, "identifier longer than PostgreSQL's 63 bytes"),
    MG115(Severity.INFO, "integer or serial primary key", Applies.BOTH),
    MG116(Severity.INFO, "timestamp without time zone"),
    MG117(Severity.INFO, "varchar(n) where text serves"),
    MG118(Severity.INFO, "execute(sql) statement not linted", Applies.BOTH),
    MG119(Severity.ERROR, "@AllowUnsafe without a reason or for an unknown rule", Applies.BOTH),
    MG120(Severity.WARNING, "constraint validated in the same revision that added it NOT VALID"),
    MG121(Severity.ERROR, "MariaDB: column type change (or CONVERT TO CHARACTER SET) that copies the table", Applies.MARIADB),
    MG122(Severity.WARNING, "MariaDB: change that rebuilds the table (NOT NULL, primary key, auto-increment column, FORCE, OPTIMIZE)",
            Applies.MARIADB),
    MG123(Severity.ERROR, "MariaDB: ALGORITHM= or LOCK=NONE asks for more than the statement's actions support in 10.11",
            Applies.MARIADB),
    MG124(Severity.ERROR, "MariaDB: foreign key, check, non-constant default, stored generated column or dropped primary key that copies the table",
            Applies.MARIADB),
    MG125(Severity.WARNING, "every row of an existing table updated, deleted or truncated in one statement", Applies.BOTH),
    MG126(Severity.ERROR, "statement PostgreSQL refuses inside a transaction (CONCURRENTLY, VACUUM, REINDEX CONCURRENTLY,"
            + " DROP DATABASE) written in execute(sql), which runs inside the revision's transaction"),
    MG127(Severity.ERROR, "statement that rewrites or blocks a whole table (CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW,"
            + " SET TABLESPACE / LOGGED / UNLOGGED, an exclusion constraint, ATTACH PARTITION without a proving CHECK)"),
    MG128(Severity.WARNING, "LOCK TABLE held until the revision commits"),
    MG129(Severity.ERROR, "enum value added and used in the same revision"),
    MG130(Severity.ERROR, "MariaDB: FULLTEXT or SPATIAL index or AUTO_INCREMENT column, built while writes are blocked",
            Applies.MARIADB),
    MG131(Severity.ERROR, "transaction control (BEGIN, COMMIT, ROLLBACK) written in execute(sql)", Applies.BOTH),
    MG132(Severity.WARNING, "json (not jsonb) column added to an existing table");

    /** Which dialects a rule is checked for; the lint runs for the dialect of {@code migrate.url} (PostgreSQL without one). */
    public enum Applies {
        POSTGRESQL, MARIADB, BOTH;

        boolean to(String dialect) {
            return this == BOTH || (this == MARIADB) == dialect.equals("mariadb");
        }
    }

    private final Severity severity;
    private final String title;
    private final Applies applies;

    Rule(Severity severity, String title) {
        this(severity, title, Applies.POSTGRESQL);
    }

    Rule(Severity severity, String title, Applies applies) {
        this.severity = severity;
        this.title = title;
        this.applies = applies;
    }

    public Applies applies() {
        return applies;
    }

    /** @param dialect a dialect name: postgresql, mariadb, h2 (judged as PostgreSQL) */
    public boolean appliesTo(String dialect) {
        return applies.to(dialect);
    }

    public String id() {
        return name();
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public static Optional<Rule> find(String id) {
        return Arrays.stream(values()).filter(rule -> rule.name().equals(id)).findFirst();
    }

    /** {@code docs/LINT.md#mg103}. */
    public static String docLink(String id) {
        return "docs/LINT.md#" + id.toLowerCase(Locale.ROOT);
    }
}
