package dev.migrate.lint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The lint catalogue for PostgreSQL. Ids are stable (users name them in {@code @AllowUnsafe} and
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
    MG106(Severity.ERROR, "column added with a volatile default or as identity to an existing table"),
    MG107(Severity.ERROR, "NOT NULL column without a default added to an existing table"),
    MG108(Severity.WARNING, "column dropped"),
    MG109(Severity.WARNING, "table dropped"),
    MG110(Severity.WARNING, "column renamed"),
    MG111(Severity.WARNING, "table renamed"),
    MG112(Severity.WARNING, "data changed in the same revision as DDL on the same table"),
    MG113(Severity.WARNING, "ACCESS EXCLUSIVE lock taken without migrate.ddlLockTimeout"),
    MG114(Severity.ERROR, "identifier longer than PostgreSQL's 63 bytes"),
    MG115(Severity.INFO, "integer or serial primary key"),
    MG116(Severity.INFO, "timestamp without time zone"),
    MG117(Severity.INFO, "varchar(n) where text serves"),
    MG118(Severity.INFO, "execute(sql) statement not linted"),
    MG119(Severity.ERROR, "@AllowUnsafe without a reason or for an unknown rule"),
    MG120(Severity.WARNING, "constraint validated in the same revision that added it NOT VALID");

    private final Severity severity;
    private final String title;

    Rule(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
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
