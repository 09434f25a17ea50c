package dev.migrate.maven;

import dev.migrate.autogenerate.AutogenerateOptions;
import dev.migrate.autogenerate.AutogenerateResult;
import dev.migrate.autogenerate.ReviewNote;
import dev.migrate.graph.RevisionDescriptor;
import dev.migrate.graph.RevisionPlacement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a new revision class into {@code src/main/java} (Alembic's {@code revision}): a fresh
 * 12-hex id revising the current head, a class named after the message, empty {@code upgrade} and
 * {@code downgrade} to fill in. Run it after {@code mvn compile} so the existing revisions are known:
 * {@code mvn compile migrate:revision -Dmigrate.message="add ticket priority"}.
 *
 * @since 0.1.0
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true,
        configurator = MigrateConfigurator.HINT)
public class RevisionMojo extends AbstractRevisionWriterMojo {

    /**
     * The revision the new one revises: {@code head} (the default; the code must have one head), an id or
     * prefix, {@code label@head}, or {@code base} for a new independent base. Example: {@code -Dmigrate.head=reporting@head}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.head", defaultValue = "head")
    protected String head;

    /**
     * Allow revising a revision that is not a head, which starts a new branch from it. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.splice", defaultValue = "false")
    protected boolean splice;

    /**
     * A branch label for the new revision. Default: none. Example: {@code -Dmigrate.branchLabel=reporting}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.branchLabel")
    protected String branchLabel;

    /**
     * Revisions or branch labels to apply before this one without joining their branch, comma-separated.
     * Default: none. Example: {@code -Dmigrate.dependsOn=reporting}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "migrate.dependsOn")
    protected String dependsOn;

    /**
     * Write the revision from the project's JPA entities: compare them with the database at
     * {@code migrate.url} (which must be at head) and fill {@code upgrade} and {@code downgrade}
     * with typed operations. Default {@code false}. Example: {@code -Dmigrate.autogenerate}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.autogenerate", defaultValue = "false")
    protected boolean autogenerate;

    /**
     * Autogenerate: how entity and field names become table and column names: {@code spring},
     * {@code jpa} or a class name. Default: the strategies the application's own configuration names
     * ({@code spring.jpa.hibernate.naming.*}, {@code hibernate.physical_naming_strategy}), else
     * {@code spring} when Spring Boot is on the project's class path, else {@code jpa}; set, it wins
     * over the application's. Example: {@code -Dmigrate.namingStrategy=jpa}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.namingStrategy")
    protected String namingStrategy;

    /**
     * Autogenerate: the Spring profiles whose {@code application-<profile>.properties}/{@code .yml}
     * add to the application's Hibernate settings, comma-separated. Default: those
     * {@code spring.profiles.active} names in {@code application.properties}/{@code .yml}. Example:
     * {@code -Dmigrate.springProfiles=prod}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.springProfiles")
    protected String springProfiles;

    /**
     * Autogenerate: drops and adds that are renames, comma-separated {@code old_table:new_table} or
     * {@code table.old_column:table.new_column}. Default: none (never guessed). Example:
     * {@code -Dmigrate.renames=tickets.state:tickets.status}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.renames")
    protected String renames;

    /**
     * Autogenerate: write a revision even when entities and database agree. Default {@code false}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.allowEmpty", defaultValue = "false")
    protected boolean allowEmpty;

    /**
     * Autogenerate: also drop the tables and sequences no entity maps (migrate's own tables never).
     * Default {@code false}: they are left alone.
     *
     * @since 0.2.0
     */
    @Parameter(property = "migrate.autogenerate.dropUnmapped", defaultValue = "false")
    protected boolean dropUnmapped;

    /**
     * Command-line settings that contradict {@code autogenerate} (null when none does): offline
     * {@code migrate.sql} promises no connection, which autogenerate needs to read the database; the
     * autogenerate options alone would be ignored without a word.
     */
    static String notWithAutogenerate(Properties userProperties, boolean autogenerate) {
        if (userProperties == null) {
            return null;
        }
        if (autogenerate) {
            return "true".equalsIgnoreCase(userProperties.getProperty("migrate.sql", "").trim())
                    ? "migrate.autogenerate compares the entities with the database, so it connects, and migrate.sql"
                    + " (offline, no connection) cannot go with it. Leave out -Dmigrate.sql; the revision's SQL script"
                    + " comes afterwards from mvn compile migrate:upgrade -Dmigrate.sql."
                    : null;
        }
        for (String option : List.of("migrate.renames", "migrate.allowEmpty", "migrate.autogenerate.dropUnmapped")) {
            String value = userProperties.getProperty(option);
            if (value != null && !value.trim().equalsIgnoreCase("false")) {
                return option + " applies only to autogenerate, which is off, so it would be ignored. Add"
                        + " -Dmigrate.autogenerate, or leave out -D" + option + ".";
            }
        }
        return null;
    }

    @Override
    protected boolean needsRevisions() {
        return false; // it writes the first one
    }

    @Override
    protected void run(MigrateContext context) throws IOException {
        String mismatch = notWithAutogenerate(session == null ? null : session.getUserProperties(), autogenerate);
        if (mismatch != null) {
            throw new dev.migrate.MigrateException(mismatch);
        }
        RevisionTemplate revisionTemplate = revisionTemplate(context);
        RevisionBody body = null;
        if (autogenerate) {
            AutogenerateResult result = ModelComparison.compare(context, namingStrategy, springProfiles,
                    new AutogenerateOptions(AutogenerateOptions.parseRenames(renames), dropUnmapped), true).orElseThrow();
            if (result.isEmpty() && !allowEmpty) {
                context.log().info("No changes detected between the entities and the database; nothing written."
                        + " (-Dmigrate.allowEmpty writes an empty revision.)");
                return;
            }
            result.changes().forEach(change -> context.log().info("  " + change.describe()));
            result.notes().forEach(note -> context.log().warn("Review: " + note.text()));
            body = new RevisionBody(result.upgrade(), result.downgrade(), result.notes().stream().map(ReviewNote::text).toList());
        }
        List<RevisionDescriptor> existing = context.revisions().descriptors();
        RevisionPlacement placement = existing.isEmpty() ? RevisionPlacement.noRevisionsYet()
                : RevisionPlacement.in(context.graph());
        String text = message == null ? "" : message.trim();
        String id = RevisionNaming.newId(existing);
        NewRevision revision = new NewRevision(
                RevisionNaming.packageName(packageName, existing, groupId()),
                RevisionNaming.className(text, id),
                id,
                fromSetting("migrate.head", () -> placement.parents(head, splice)),
                fromSetting("migrate.dependsOn", () -> placement.dependencies(references(dependsOn))),
                RevisionPlacement.branchLabels(branchLabel),
                text).inDatabase(context.revisionDatabase());
        Path file = write(context, revision, body, revisionTemplate);
        context.log().info("Wrote " + context.baseDirectory().toPath().relativize(file) + ": revision " + id
                + (revision.revises().isEmpty() ? " (a new base)" : " revises " + String.join(", ", revision.revises()))
                + (body == null ? ". Fill in upgrade() and downgrade(), then run `mvn compile migrate:upgrade`."
                : ". Review it (" + body.review().size() + " REVIEW comment(s)), then run `mvn compile migrate:upgrade`."));
    }

    private static List<String> references(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
