package dev.migrate.lint;

import dev.migrate.MigrateException;
import java.util.Locale;

/**
 * What {@code Migrator.lint} looks at.
 *
 * @param scope {@link Scope#PENDING}: the revisions the database has not applied yet, where a table
 *              an earlier pending revision creates counts as new (it is empty when the later one
 *              runs); {@link Scope#ALL}: every revision, each judged as if it were deployed alone
 */
public record LintOptions(Scope scope) {

    /** Which revisions are linted. */
    public enum Scope {
        PENDING, ALL;

        /** Reads {@code pending} or {@code all} ({@code off} is the caller's business: it does not lint). */
        public static Scope parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new MigrateException("migrate.lint is '" + text + "'; use pending (the default), all or off.");
            }
        }
    }

    public LintOptions {
        java.util.Objects.requireNonNull(scope, "scope");
    }

    public static LintOptions pending() {
        return new LintOptions(Scope.PENDING);
    }

    public static LintOptions all() {
        return new LintOptions(Scope.ALL);
    }
}
