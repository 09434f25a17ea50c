package dev.migrate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as one revision of the database schema.
 *
 * <p>The class must be public, concrete, top-level or static nested, have a public no-argument
 * constructor and implement {@code dev.migrate.Migration}. The annotation processor in
 * {@code migrate-processor} checks the whole revision graph at compile time and writes the
 * revision index that the run time loads.
 *
 * <pre>{@code
 * @Revision(id = "3f1c2a9b7d10", revises = "1a2b3c4d5e6f", message = "add ticket priority")
 * public class AddTicketPriority implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Revision {

    /**
     * The revision's id, unique in the whole graph, for example {@code "3f1c2a9b7d10"}.
     *
     * <p>Not empty, no white space, none of the characters {@code @ - + :} and not one of the
     * words {@code head}, {@code heads}, {@code base} (Alembic's rule, since those characters and
     * words have a meaning in targets such as {@code ae10@+2}). {@code mvn migrate:revision}
     * generates twelve lowercase hexadecimal digits.
     */
    String id();

    /**
     * The ids of the revisions this one comes directly after, for example
     * {@code revises = "1a2b3c4d5e6f"}. Empty for a base revision (a root of the graph); two or
     * more for a merge revision, for example {@code revises = {"1a2b3c4d5e6f", "9e8d7c6b5a40"}}.
     */
    String[] revises() default {};

    /**
     * Revisions that must be applied before this one although it is not on their branch, for
     * example {@code dependsOn = "c0ffee000001"}. Alembic's {@code depends_on}: upgrading to this
     * revision applies the dependency first, but this revision does not become part of the
     * dependency's branch. A branch label may be given instead of an id.
     */
    String[] dependsOn() default {};

    /**
     * Names for the branch that starts at (or passes through) this revision, for example
     * {@code branchLabels = "reporting"}, so that targets such as {@code reporting@head} work.
     * Labels are unique in the graph and follow the id rule.
     */
    String[] branchLabels() default {};

    /** A one-line description shown by {@code history}, {@code show} and the run log, for example {@code "add ticket priority"}. */
    String message() default "";

    /**
     * The database whose history this revision belongs to, when a project migrates several (the
     * plugin's {@code <databases>}), for example {@code database = "analytics"}. Each database has
     * its own graph, heads and version table; a revision may only revise or depend on revisions of
     * its own database. Empty (the default): the first database configured, or the only one.
     */
    String database() default "";
}
