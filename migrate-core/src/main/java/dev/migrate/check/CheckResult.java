package dev.migrate.check;

import dev.migrate.lint.FailOn;
import java.util.List;

/**
 * What {@link dev.migrate.Migrator#check(CheckOptions)} found.
 *
 * @param databaseChecked whether the database was read
 * @param findings        every finding: graph, database, checksum and model findings first, lint last
 * @param lintSkipped     why the lint did not run though asked to (then the sentence to log), or null
 */
public record CheckResult(boolean databaseChecked, List<CheckFinding> findings, String lintSkipped) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** The findings that are not lint findings: each one is a problem. */
    public List<CheckFinding> problems() {
        return findings.stream().filter(f -> !(f instanceof CheckFinding.Lint)).toList();
    }

    /** The lint findings, in upgrade order. */
    public List<CheckFinding.Lint> lint() {
        return findings.stream().filter(CheckFinding.Lint.class::isInstance).map(CheckFinding.Lint.class::cast).toList();
    }

    /** How many findings fail a gate whose lint fails on {@code failOn}. */
    public long failing(FailOn failOn) {
        return problems().size() + lint().stream().filter(l -> failOn.fails(l.finding())).count();
    }

    /** True when nothing fails under {@code failOn}. */
    public boolean passed(FailOn failOn) {
        return failing(failOn) == 0;
    }
}
