package dev.migrate.maven;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that write a revision source ({@code revision}, {@code merge}): the message that names
 * the class, the package it goes to, and the template it is written from. Each writes a revision of
 * one history, so with several {@code <databases>} one must be chosen.
 */
public abstract class AbstractRevisionWriterMojo extends AbstractMigrateMojo {

    /**
     * The revision's message; the class is named after it. Default: none for {@code revision} (class
     * {@code Revision<id>}), {@code merge <ids>} for {@code merge}.
     * Example: {@code -Dmigrate.message="add ticket priority"}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.message")
    protected String message;

    /**
     * Package of the new class. Default: the package the existing revisions share.
     * Example: {@code -Dmigrate.package=com.example.db}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.package")
    protected String packageName;

    /**
     * A revision template: a file in the project (path relative to its directory) that new revisions
     * are written from, with placeholders such as {@code ${annotation}}, {@code ${className}} and
     * {@code ${upgradeBody}} (the README's "Revision template" lists them), for a licence header,
     * imports and comments of the team's own. Default: none (the built-in layout).
     * Example: {@code -Dmigrate.template=src/main/migrate/revision.java.template}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.template")
    protected String template;

    /** The template read and checked, before anything else is done; null without one. */
    protected final RevisionTemplate revisionTemplate(MigrateContext context) {
        return template == null || template.isBlank() ? null
                : RevisionTemplate.load(context.baseDirectory().toPath(), template);
    }

    /** Writes the revision, from the template when there is one. */
    protected final Path write(MigrateContext context, NewRevision revision, RevisionBody body,
            RevisionTemplate revisionTemplate) {
        return RevisionSourceWriter.write(revision, body, context.sourceDirectory().toPath(), revisionTemplate,
                Instant.now());
    }

    /**
     * Resolves revisions named by {@code setting}; an unknown or ambiguous one names that setting, since
     * {@code revision} reads several ({@code migrate.head}, {@code migrate.dependsOn}).
     */
    static <T> T fromSetting(String setting, java.util.function.Supplier<T> resolve) {
        try {
            return resolve.get();
        } catch (dev.migrate.graph.TargetException e) {
            throw new dev.migrate.MigrateException(setting + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected final boolean oneDatabaseOnly() {
        return true;
    }
}
