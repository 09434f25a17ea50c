package dev.migrate.lint;

import dev.migrate.annotation.AllowUnsafe;
import dev.migrate.ops.Operation;
import java.util.Arrays;
import java.util.List;

/**
 * One revision as the lint sees it: its upgrade's recorded operations and the rules its class
 * allows on purpose.
 *
 * @param className the class's simple name, as findings print it
 */
public record LintedRevision(String id, String className, List<Operation> operations, List<Suppression> suppressions) {

    /** {@code @AllowUnsafe(value, reason)} as read from the revision class. */
    public record Suppression(String rule, String reason) {
    }

    public LintedRevision {
        operations = List.copyOf(operations);
        suppressions = List.copyOf(suppressions);
    }

    /** Reads the {@link AllowUnsafe} annotations of the revision's class. */
    public static List<Suppression> suppressionsOf(Class<?> revisionClass) {
        return Arrays.stream(revisionClass.getAnnotationsByType(AllowUnsafe.class))
                .map(allow -> new Suppression(allow.value(), allow.reason())).toList();
    }

    /** Whether the revision allows this rule with a reason (a blank reason suppresses nothing). */
    boolean allows(String rule) {
        return suppressions.stream().anyMatch(s -> s.rule().equals(rule) && s.reason() != null && !s.reason().isBlank());
    }
}
