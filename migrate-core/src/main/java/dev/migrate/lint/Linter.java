package dev.migrate.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lints revisions' recorded operations against the {@link Rule} catalogue. Pure: no database, no
 * class loading; {@code Migrator.lint} records the operations and reads the suppressions.
 */
public final class Linter {

    private final Duration ddlLockTimeout;
    private final SqlReader sqlReader;
    private final String dialect;

    /**
     * Reads {@code execute(sql)} with {@link SqlReader#discovered()}: the SQL parser of
     * {@code migrate-lint-sql} when it is on the class path, else the built-in reader.
     *
     * @param ddlLockTimeout the run's {@code migrate.ddlLockTimeout}, or null when it is not set
     */
    public Linter(Duration ddlLockTimeout) {
        this(ddlLockTimeout, SqlReader.discovered());
    }

    public Linter(Duration ddlLockTimeout, SqlReader sqlReader) {
        this(ddlLockTimeout, sqlReader, "postgresql");
    }

    /**
     * @param dialect the dialect linted for ({@code Dialect.name()}: postgresql, mariadb, h2); each rule
     *                applies to PostgreSQL, MariaDB or both ({@link Rule#appliesTo}); h2 is judged as PostgreSQL
     */
    public Linter(Duration ddlLockTimeout, SqlReader sqlReader, String dialect) {
        this.dialect = java.util.Objects.requireNonNull(dialect, "dialect");
        this.ddlLockTimeout = ddlLockTimeout;
        this.sqlReader = java.util.Objects.requireNonNull(sqlReader, "sqlReader");
    }

    /**
     * @param history   every revision in upgrade order: the schema facts (column types, validated
     *                  checks) come from all of them
     * @param linted    the ids of the revisions to report on
     * @param pendingRun true when {@code linted} is one run's pending revisions: a table an earlier
     *                  one creates counts as new (empty) in the later ones, and so does a column an earlier one
     *                  adds; false: each revision is judged as if it were deployed alone
     */
    public List<LintFinding> lint(List<LintedRevision> history, Set<String> linted, boolean pendingRun) {
        SchemaFacts facts = new SchemaFacts();
        Set<String> createdByRun = new HashSet<>();
        Set<String> columnsAddedByRun = new HashSet<>();
        List<LintFinding> findings = new ArrayList<>();
        for (LintedRevision revision : history) {
            boolean report = linted.contains(revision.id());
            Set<String> newTables = report && pendingRun ? createdByRun : new HashSet<>();
            Set<String> newColumns = report && pendingRun ? columnsAddedByRun : new HashSet<>();
            List<LintFinding> raw = new RevisionRules(revision, facts, newTables, newColumns, ddlLockTimeout, sqlReader, dialect).run();
            if (report) {
                raw.stream().filter(finding -> !revision.allows(finding.rule())).forEach(findings::add);
                findings.addAll(suppressionFindings(revision));
            }
        }
        return List.copyOf(findings);
    }

    /** Lints revisions judged each alone, with no other history (tests, tools). */
    public List<LintFinding> lint(List<LintedRevision> revisions) {
        Set<String> ids = new HashSet<>();
        revisions.forEach(r -> ids.add(r.id()));
        return lint(revisions, ids, false);
    }

    private static List<LintFinding> suppressionFindings(LintedRevision revision) {
        List<LintFinding> findings = new ArrayList<>();
        for (LintedRevision.Suppression suppression : revision.suppressions()) {
            String operation = "@AllowUnsafe(\"" + suppression.rule() + "\")";
            if (Rule.find(suppression.rule()).isEmpty()) {
                findings.add(finding(revision, operation, "@AllowUnsafe names " + suppression.rule() + ", which is no lint"
                        + " rule; use an id from docs/LINT.md, for example MG100"));
            } else if (suppression.reason() == null || suppression.reason().isBlank()) {
                findings.add(finding(revision, operation, "@AllowUnsafe(\"" + suppression.rule() + "\") gives no reason;"
                        + " say why it is safe here, for example reason = \"the table is empty in every environment\""));
            }
        }
        return findings;
    }

    private static LintFinding finding(LintedRevision revision, String operation, String message) {
        return new LintFinding(Rule.MG119.id(), Rule.MG119.severity(), revision.id(), revision.className(), operation, message);
    }
}
