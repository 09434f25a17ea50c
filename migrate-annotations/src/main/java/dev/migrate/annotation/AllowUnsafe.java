package dev.migrate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says, where the revision is written, that it breaks one lint rule on purpose and why. The lint
 * ({@code mvn migrate:check}, {@code checks.lint()}) then no longer reports that rule for this
 * revision. A suppression without a reason is itself a finding: the reason is what a reviewer reads.
 *
 * <pre>{@code
 * @Revision(id = "4c1a9e2b7d30", revises = "1a2b3c4d5e6f", message = "index tickets by status")
 * @AllowUnsafe(value = "MG101", reason = "tickets is empty in every environment")
 * public class IndexTicketStatus implements Migration { ... }
 * }</pre>
 *
 * <p>Repeat the annotation to allow several rules. The rule ids and what they check are listed in
 * {@code docs/LINT.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AllowUnsafe.List.class)
public @interface AllowUnsafe {

    /** The id of the rule this revision breaks on purpose, for example {@code "MG101"}. */
    String value();

    /** Why it is safe here, for example {@code "tickets is empty in every environment"}; never blank. */
    String reason();

    /** The container of repeated {@link AllowUnsafe} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        AllowUnsafe[] value();
    }
}
