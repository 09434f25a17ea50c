package dev.migrate.lint;

import dev.migrate.MigrateException;
import java.util.Collection;
import java.util.Locale;

/** {@code migrate.lint.failOn}: which findings fail a build or a test. Info findings never do. */
public enum FailOn {
    ERROR, WARNING, NEVER;

    /** Reads {@code error}, {@code warning} or {@code never}. */
    public static FailOn parse(String text) {
        if (text == null || text.isBlank()) {
            return ERROR;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MigrateException("migrate.lint.failOn is '" + text + "'; use error (the default), warning or never.");
        }
    }

    public boolean fails(LintFinding finding) {
        return switch (this) {
            case ERROR -> finding.severity() == Severity.ERROR;
            case WARNING -> finding.severity().atLeast(Severity.WARNING);
            case NEVER -> false;
        };
    }

    public boolean failsAny(Collection<LintFinding> findings) {
        return findings.stream().anyMatch(this::fails);
    }
}
