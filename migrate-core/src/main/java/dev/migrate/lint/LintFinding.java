package dev.migrate.lint;

/**
 * One lint finding, printed as
 * {@code WARNING [MG103] 4c1a9e2b7d30 AddTicketPriority: SET NOT NULL on ... (docs/LINT.md#mg103)}.
 *
 * @param rule      the rule's stable id, for example {@code MG103}
 * @param severity  how bad it is
 * @param revision  the revision's id
 * @param className the revision class's simple name
 * @param operation the operation, for example {@code alterColumn tickets.priority}
 * @param message   what is wrong and the safe rewrite
 */
public record LintFinding(String rule, Severity severity, String revision, String className, String operation,
        String message) {

    /** The one-line form logged by {@code check} and tests. */
    public String line() {
        return severity + " [" + rule + "] " + revision + " " + className + ": " + message + " (" + Rule.docLink(rule) + ")";
    }

    @Override
    public String toString() {
        return line();
    }
}
