package dev.migrate.check;

import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.lint.LintOptions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link dev.migrate.Migrator#check(CheckOptions)} looks at.
 *
 * @param database whether to read the database (pending, unknown revision, changed checksum, model
 *                 drift); false checks the code only and lints every revision
 * @param lint     which revisions to lint, or null for no lint; offline every revision is linted
 * @param model    compares the project's entities with the database at head ({@code migrate:check}
 *                 reads them with a model reader), or null; asked only when nothing else was found,
 *                 since a database behind the code differs from the entities by design
 */
public record CheckOptions(boolean database, LintOptions.Scope lint, Supplier<Optional<AutogenerateResult>> model) {

    /** Everything but the entities: the graph, the database and the pending revisions' lint. */
    public static CheckOptions online() {
        return new CheckOptions(true, LintOptions.Scope.PENDING, null);
    }

    /** The code only: the graph and every revision's lint; opens no connection. */
    public static CheckOptions offline() {
        return new CheckOptions(false, LintOptions.Scope.ALL, null);
    }

    /** The same, with another lint scope (null: no lint). */
    public CheckOptions withLint(LintOptions.Scope scope) {
        return new CheckOptions(database, scope, model);
    }

    /** The same, comparing the entities with the database through {@code comparison}. */
    public CheckOptions withModel(Supplier<Optional<AutogenerateResult>> comparison) {
        return new CheckOptions(database, lint, comparison);
    }
}
